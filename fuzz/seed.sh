#!/usr/bin/env bash
# Fills fuzz/corpus/TARGET with starting inputs from the repository: real packs,
# themes, the config template, the import fixtures and day files of the sample
# journal. libFuzzer then mutates from there (see docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")"
root=..
seed() { mkdir -p "corpus/$1"; shift; for file in "$@"; do cp "$file" "corpus/$target/"; done; }

target=pack;          seed pack "$root"/prompts/*.toml "$root"/tests/fixtures/packs/*.toml "$root"/src/commands/pack_template.toml
target=theme;         seed theme "$root"/themes/*.toml
target=config;        seed config "$root"/src/commands/config_template.toml
target=import_jrnl;   seed import_jrnl "$root"/tests/fixtures/import/*.jrnl
target=import_dayone; seed import_dayone "$root"/tests/fixtures/import/dayone.json
target=import_json;   seed import_json "$root"/tests/fixtures/export/journal.json

# Day files: a slice of the ten-year sample journal (every 97th file, about 40).
sample=$(mktemp -d)
trap 'rm -rf "$sample"' EXIT
(cd "$root" && cargo run --quiet -- dev sample "$sample" >/dev/null)
target=day_file
mkdir -p corpus/day_file
find "$sample/journal" -name '*.toml' | sort | awk 'NR % 97 == 1' | while read -r file; do
  cp "$file" corpus/day_file/
done
ls corpus | while read -r dir; do echo "$dir: $(ls "corpus/$dir" | wc -l) seeds"; done
