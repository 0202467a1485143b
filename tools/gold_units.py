"""Cut each gold document into annotation units: blocks (non-blank lines) and Chinese sentences.

Annotators label these units; the gold keys them by offsets into the file, so the file's checksum
is recorded beside them. The boundary between the Chinese and the English version (`en_start`) is
itself part of the gold: it comes from `data/reference/gold/corpus/index.csv`.

    python tools/gold_units.py CORPUS_DIR OUT_DIR
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

INDEX = ROOT / "data" / "reference" / "gold" / "corpus" / "index.csv"
LINE = re.compile(r"[^\r\n]+")


def read_index(path: Path = INDEX) -> list[dict]:
    """The gold documents: doc, file, sha256, en_start, half (tuning | test), kind."""
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def units(text: str, en_start: int) -> tuple[list[tuple], list[tuple]]:
    """Blocks (id, part, start, end) and Chinese sentences (sid, block id, start, end)."""
    from helpers.text.parse import detect_lang, split_sentences

    blocks, sentences = [], []
    for number, match in enumerate((m for m in LINE.finditer(text) if m.group().strip()), 1):
        start, end = match.span()
        part = "zh" if start < en_start else "en"
        blocks.append((f"B{number}", part, start, end))
        if part != "zh":
            continue
        line = text[start:end]
        for a, b in split_sentences(line, "en" if detect_lang(line) == "en" else "zh"):
            if line[a:b].strip():
                sentences.append((f"S{len(sentences) + 1}", f"B{number}", start + a, start + b))
    return blocks, sentences


def main(corpus: Path, out: Path) -> None:
    for row in read_index():
        source = corpus / row["file"] if not row["file"].startswith("data/") else ROOT / row["file"]
        raw = source.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row["sha256"]:
            sys.exit(f"{source.name}: checksum differs from the gold's; the gold does not apply to this file")
        text = raw.decode("utf-8-sig")
        blocks, sentences = units(text, int(row["en_start"]))
        folder = out / row["doc"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "document.txt").write_text(text, encoding="utf-8")
        with open(folder / "blocks.tsv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(["block_id", "part", "start", "end", "text"])
            writer.writerows((*b, text[b[2]:b[3]]) for b in blocks)
        with open(folder / "zh_sentences.tsv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(["sid", "block_id", "start", "end", "text"])
            writer.writerows((*s, text[s[2]:s[3]]) for s in sentences)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
