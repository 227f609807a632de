package org.claimledger.common.error;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media types each operation accepts, read once from the resources' own {@code @Consumes}, so
 * that a 415 can tell the client what to send instead of that its Content-Type did not match.
 */
final class ConsumedMediaTypes {

    private record Operation(String method, Pattern path, List<String> consumes) {
    }

    private static volatile List<Operation> operations;

    private ConsumedMediaTypes() {
    }

    /** The media types that {@code method path} accepts; empty when no such operation takes a body. */
    static Set<String> of(String method, String path) {
        Set<String> out = new LinkedHashSet<>();
        for (Operation operation : operations()) {
            if (operation.method().equalsIgnoreCase(method) && operation.path().matcher(path).matches()) {
                out.addAll(operation.consumes());
            }
        }
        return out;
    }

    private static List<Operation> operations() {
        if (operations == null) {
            List<Operation> found = new ArrayList<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root != null) {
                    found.addAll(operationsOf(type, root.value()));
                }
            }
            operations = List.copyOf(found);
        }
        return operations;
    }

    static List<Operation> operationsOf(Class<?> type, String root) {
        List<Operation> found = new ArrayList<>();
        Consumes classConsumes = type.getAnnotation(Consumes.class);
        for (Method method : type.getDeclaredMethods()) {
            String httpMethod = Arrays.stream(method.getAnnotations())
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                    .filter(h -> h != null).map(HttpMethod::value).findFirst().orElse(null);
            Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class) : classConsumes;
            if (httpMethod == null || consumes == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String template = sub == null ? root : root.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
            List<String> types = Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::trim).toList();
            found.add(new Operation(httpMethod, regex(template), types));
        }
        return found;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private static Pattern regex(String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        out.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(out.toString());
    }
}
