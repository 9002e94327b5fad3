#!/usr/bin/env python3
"""Checks the invariants written at the top of ARCHITECTURE.md, and fails when one is broken.

Crate rules, read from `cargo metadata` (normal dependencies only, followed transitively:
build and dev dependencies never reach a bundle):
  1. the page (`dossier`) does not depend on the extractor (`dossier-extract`); only the
     workers and the evaluation crate (and through it the CLI) do; the page's build script may;
  2. the extractor depends on no other Dossier crate but the model;
  3. the corpus never depends on the extractor or the evaluation crate;
  4. the model depends on no other Dossier crate;
  5. only the web packages (the page and its two workers) depend on web crates (but for
     `getrandom`'s browser backend, which zip and lopdf link on wasm32).
Module rules, read from the sources of every package:
  6. no import cycle between the modules of a crate (`use crate::...` and `crate::` paths);
  7. every module opens with a comment saying what it is for (`//!`, or `//` in a file that is
     `include!`d).

Run: python3 scripts/check-architecture.py          (the repository it sits in)
     python3 scripts/check-architecture.py --self-test   (shows each module rule can fail)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

WEB_CRATES = re.compile(r"^(leptos.*|web-sys|wasm-bindgen.*|js-sys|gloo.*|reactive_graph|tachys)$")
WEB_PACKAGES = {"dossier", "dossier-worker", "dossier-pdf-worker"}
EXTRACT_USERS = {"dossier-worker", "dossier-pdf-worker", "dossier-eval", "dossier-cli", "dossier-fuzz"}


def normal_closure(nodes, names, start, stop=()):
    """Package names reachable from `start` over normal (non-build, non-dev) edges, not going
    past the packages named in `stop`."""
    seen, todo = set(), [start]
    while todo:
        pid = todo.pop()
        if names[pid] in stop:
            continue
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    return {names[p] for p in seen}


def check_crates(root):
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"],
            cwd=root, check=True, capture_output=True, text=True,
        ).stdout
    )
    names = {p["id"]: p["name"] for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    members = {names[m]: m for m in meta["workspace_members"]}
    errors = []
    closure = {name: normal_closure(nodes, names, pid) for name, pid in members.items()}
    # the one way a web crate may be reached from an engine crate: getrandom's browser backend,
    # the random source that zip and lopdf link on wasm32 (used for encryption, never for text)
    web_closure = {name: normal_closure(nodes, names, pid, stop={"getrandom"})
                   for name, pid in members.items()}
    ours = {n for n in members}
    for name, deps in sorted(closure.items()):
        if "dossier-extract" in deps and name not in EXTRACT_USERS:
            errors.append(f"{name} depends on dossier-extract (only {sorted(EXTRACT_USERS)} may)")
        web = sorted(d for d in web_closure[name] if WEB_CRATES.match(d))
        if web and name not in WEB_PACKAGES:
            errors.append(f"{name} depends on web crates: {', '.join(web)}")
    rules = {
        "dossier-extract": ours - {"dossier-model"},
        "dossier-corpus": {"dossier-extract", "dossier-eval", "dossier-cli"} | WEB_PACKAGES,
        "dossier-model": ours,
    }
    for name, banned in rules.items():
        bad = sorted((closure.get(name, set()) & banned) - {name})
        if bad:
            errors.append(f"{name} must not depend on {', '.join(bad)}")
    for required in ("dossier", "dossier-worker", "dossier-model", "dossier-extract",
                     "dossier-corpus", "dossier-eval"):
        if required not in members:
            errors.append(f"package {required} is missing from the workspace")
    return errors, sorted(members)


def module_files(src):
    """Maps each .rs file under `src` to its module path (`a::b`), the crate root as ''."""
    out = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), src)[:-3].split(os.sep)
            if rel[-1] == "mod":
                rel = rel[:-1]
            if rel in (["lib"], ["main"]):
                rel = []
            out[os.path.join(dirpath, f)] = "::".join(rel)
    return out


def strip_comments_and_strings(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def crate_paths(text):
    """Every path named after `crate::`, with `{a, b::c}` groups expanded."""
    paths = []

    def parse(s, i, prefix):
        # reads one path tree at s[i:], appending full paths
        segs = list(prefix)
        while True:
            m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*|\*)", s[i:])
            if m and not s[i:].lstrip().startswith("{"):
                segs.append(m.group(1))
                i += m.end()
                n = re.match(r"\s*::", s[i:])
                if n:
                    i += n.end()
                    continue
                paths.append(segs)
                return i
            b = re.match(r"\s*\{", s[i:])
            if b:
                i += b.end()
                while True:
                    i = parse(s, i, segs)
                    c = re.match(r"\s*,", s[i:])
                    if c:
                        i += c.end()
                        if re.match(r"\s*\}", s[i:]):
                            break
                        continue
                    break
                e = re.match(r"\s*\}", s[i:])
                return i + (e.end() if e else 0)
            paths.append(segs)
            return i

    for m in re.finditer(r"\bcrate::", text):
        parse(text, m.end(), [])
    return paths


def module_graph(src):
    files = module_files(src)
    modules = set(files.values())
    graph = {m: set() for m in modules}
    for path, mod in files.items():
        with open(path, encoding="utf-8") as f:
            text = strip_comments_and_strings(f.read())
        for segs in crate_paths(text):
            target = ""
            for k in range(len(segs), 0, -1):
                cand = "::".join(segs[:k])
                if cand in modules:
                    target = cand
                    break
            # the crate root is a facade (module declarations, re-exports, shared types); a
            # module naming its own ancestor's items is not a cycle either
            if target and target != mod and not mod.startswith(target + "::"):
                graph[mod].add(target)
    return graph


def find_cycle(graph):
    colour, stack = {}, []

    def visit(n):
        colour[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if colour.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in colour:
                c = visit(m)
                if c:
                    return c
        stack.pop()
        colour[n] = 2
        return None

    for n in sorted(graph):
        if n not in colour:
            c = visit(n)
            if c:
                return c
    return None


def included_files(src):
    inc = set()
    for path in module_files(src):
        with open(path, encoding="utf-8") as f:
            for m in re.finditer(r'include!\("([^"]+\.rs)"\)', f.read()):
                inc.add(os.path.normpath(os.path.join(os.path.dirname(path), m.group(1))))
    return inc


def check_modules(src, label):
    errors = []
    cycle = find_cycle(module_graph(src))
    if cycle:
        errors.append(f"{label}: import cycle: {' -> '.join(c or 'crate' for c in cycle)}")
    included = included_files(src)
    for path in sorted(module_files(src)):
        with open(path, encoding="utf-8") as f:
            first = f.readline()
        if os.path.normpath(path) in included:
            if not first.startswith("//"):
                errors.append(f"{path}: an included file opens with a comment saying what it is")
        elif not first.startswith("//!"):
            errors.append(f"{path}: the module opens with a `//!` comment saying what it is for")
    return errors


def source_dirs(root):
    dirs = [("dossier (page)", os.path.join(root, "src")), ("dossier-worker", os.path.join(root, "worker", "src")),
            ("dossier-pdf-worker", os.path.join(root, "pdf-worker", "src"))]
    crates = os.path.join(root, "crates")
    for c in sorted(os.listdir(crates)):
        if os.path.isdir(os.path.join(crates, c, "src")):
            dirs.append((f"crates/{c}", os.path.join(crates, c, "src")))
    return dirs


def self_test():
    """Each module rule fails on a small crate that breaks it, and passes on one that keeps it."""
    cases = [
        ({"lib.rs": "//! root\nmod a;\nmod b;\n", "a.rs": "//! a\nuse crate::b::f;\n",
          "b.rs": "//! b\nuse crate::{x, a::{g, h}};\n"}, "import cycle"),
        ({"lib.rs": "//! root\n", "p/mod.rs": "//! p\nuse crate::q::Thing;\n",
          "q.rs": "//! q\npub fn f() { crate::p::g() }\n"}, "import cycle"),
        ({"lib.rs": "//! root\n", "a.rs": "use crate::b;\n", "b.rs": "//! b\n"}, "opens with"),
        ({"lib.rs": "//! root\n", "a/mod.rs": "//! a\nuse crate::b::f;\n",
          "a/c.rs": "//! c\nuse crate::a::g;\n", "b.rs": "//! b\n// crate::a::x in a comment\n"}, None),
    ]
    ok = True
    for files, want in cases:
        with tempfile.TemporaryDirectory() as d:
            for name, body in files.items():
                os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
                with open(os.path.join(d, name), "w") as f:
                    f.write(body)
            errs = check_modules(d, "case")
            got = next((w for w in ("import cycle", "opens with") if any(w in e for e in errs)), None)
            if got != want:
                ok = False
                print(f"self-test: expected {want!r}, got {errs}", file=sys.stderr)
    print("self-test:", "ok" if ok else "FAILED")
    return ok


def main():
    if "--self-test" in sys.argv:
        sys.exit(0 if self_test() else 1)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    errors, members = check_crates(root)
    for label, src in source_dirs(root):
        errors += check_modules(src, label)
    if errors:
        print("architecture invariants broken:", file=sys.stderr)
        for e in errors:
            print("  -", e, file=sys.stderr)
        sys.exit(1)
    print(f"architecture invariants hold ({len(members)} packages: {', '.join(members)})")


if __name__ == "__main__":
    main()
