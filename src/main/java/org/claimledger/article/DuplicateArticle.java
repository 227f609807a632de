package org.claimledger.article;

import java.util.UUID;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/** Another live article already has this url (after normalisation). */
class DuplicateArticle extends ProblemException {

    static final ProblemType TYPE = ProblemType.of("duplicate-article", "An article with this url already exists", 409);

    DuplicateArticle(UUID existing, String url) {
        super(TYPE, "article " + existing + " already has the url " + url);
        with("existingArticleId", existing.toString());
        with("existingArticle", ArticleResource.PATH + "/" + existing);
        header("Location", ArticleResource.PATH + "/" + existing);
    }
}
