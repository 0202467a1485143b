"""Merge two annotators' independent labels into the gold, keeping only what they agree on.

    python tools/gold_merge.py UNITS_DIR OUT_DIR ANNOTATOR_DIR_1 ANNOTATOR_DIR_2 [DIR_3 DIR_4 ...]

Annotator folders come in pairs (1 and 2 labelled the same documents, 3 and 4 the next set…). Units
are those `tools/gold_units.py` cut. The gold keys every label by character offsets into the file
(the file's checksum is in `index.csv`), so it holds none of the documents' text. Agreement figures
(raw agreement and Cohen's kappa) are written to `AGREEMENT.md`.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

SENTENCE_LABELS = ("kind", "certainty", "voice", "generalisation")
LINKED_KINDS = {"summary", "heading"}
ORG_KEY = re.compile(r"[^0-9a-z\u4e00-\u9fff]")


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two annotators' labels over the same items."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def clean(value: str | None) -> str:
    return (value or "").strip().lower()


def pair_spellings(a: Counter, b: Counter) -> tuple[Counter, Counter]:
    """Give one organisation one key where the two annotators spelled it differently.

    Names left unmatched on both sides pair up when one is the start of the other ("Baichuan" and
    "Zorbia Intelligent Technology"), at least four characters long, and the pairing is unique.
    """
    for lang in {k[0] for k in a} | {k[0] for k in b}:
        only_a = [k[1] for k in a if k[0] == lang and (lang, k[1]) not in b]
        only_b = [k[1] for k in b if k[0] == lang and (lang, k[1]) not in a]
        for name in only_a:
            partners = [other for other in only_b if min(len(name), len(other)) >= 4
                        and (name.startswith(other) or other.startswith(name))]
            if len(partners) == 1 and sum(
                    n.startswith(partners[0]) or partners[0].startswith(n) for n in only_a
                    if min(len(n), len(partners[0])) >= 4) == 1:
                b[(lang, name)] += b.pop((lang, partners[0]))
                only_b.remove(partners[0])
    return a, b


def merge_document(units: Path, first: Path, second: Path, doc: str) -> tuple[dict, dict]:
    """The agreed gold rows of one document, and its agreement figures."""
    blocks = {row["block_id"]: row for row in read_tsv(units / doc / "blocks.tsv")}
    sentences = read_tsv(units / doc / "zh_sentences.tsv")
    a = {row["sid"]: row for row in read_tsv(first / f"{doc}.sentences.tsv")}
    b = {row["sid"]: row for row in read_tsv(second / f"{doc}.sentences.tsv")}
    pairs: dict[str, list] = {label: [] for label in SENTENCE_LABELS}
    links_agreed = links_compared = 0
    gold_sentences = []
    for unit in sentences:
        sid = unit["sid"]
        ra, rb = a.get(sid, {}), b.get(sid, {})
        row = {"sid": sid, "start": unit["start"], "end": unit["end"]}
        kind_a, kind_b = clean(ra.get("kind")), clean(rb.get("kind"))
        pairs["kind"].append((kind_a, kind_b))
        row["kind"] = kind_a if kind_a == kind_b else ""
        links = ""
        if row["kind"] in LINKED_KINDS | {"framing"}:
            set_a = {x.strip() for x in (ra.get("en_blocks") or "").split("|") if x.strip() in blocks}
            set_b = {x.strip() for x in (rb.get("en_blocks") or "").split("|") if x.strip() in blocks}
            links_compared += 1
            shared = set_a & set_b
            if shared:
                links_agreed += 1
                links = "|".join(f"{blocks[x]['start']}:{blocks[x]['end']}" for x in sorted(shared, key=lambda x: int(x[1:])))
        row["en_spans"] = links
        for label in SENTENCE_LABELS[1:]:
            la, lb = clean(ra.get(label)), clean(rb.get(label))
            if kind_a in LINKED_KINDS and kind_b in LINKED_KINDS and la and lb:
                pairs[label].append((la, lb))
            row[label] = la if (la == lb and row["kind"] in LINKED_KINDS) else ""
        gold_sentences.append(row)

    nc_a = {row["block_id"]: clean(row.get("reason")) for row in read_tsv(first / f"{doc}.noncontent.tsv")}
    nc_b = {row["block_id"]: clean(row.get("reason")) for row in read_tsv(second / f"{doc}.noncontent.tsv")}
    nc_pairs, gold_blocks = [], []
    for block_id, block in blocks.items():
        in_a, in_b = block_id in nc_a, block_id in nc_b
        nc_pairs.append((str(in_a), str(in_b)))
        if in_a == in_b:
            reason = nc_a.get(block_id, "") if nc_a.get(block_id) == nc_b.get(block_id) else ("mixed" if in_a else "")
            gold_blocks.append({"start": block["start"], "end": block["end"], "part": block["part"],
                                "noncontent": int(in_a), "reason": reason})

    spelling: dict[str, str] = {}

    def org_counts(folder: Path) -> Counter:
        """Mentions per (lang, organisation); names compared without case, spaces or punctuation."""
        counts: Counter = Counter()
        for row in read_tsv(folder / f"{doc}.orgs.tsv"):
            key = ORG_KEY.sub("", row["org"].lower())
            spelling.setdefault(key, row["org"].strip())
            try:
                counts[(clean(row["lang"]), key)] += int(row.get("count") or 0)
            except ValueError:
                continue
        return counts

    oa, ob = pair_spellings(org_counts(first), org_counts(second))
    keys_a = {k for k, v in oa.items() if v}
    keys_b = {k for k, v in ob.items() if v}
    gold_orgs = []
    for key in sorted(keys_a & keys_b):
        gold_orgs.append({"lang": key[0], "org": spelling[key[1]], "count": min(oa[key], ob[key]),
                          "counts_agree": int(oa[key] == ob[key])})
    figures = {
        "sentences": len(sentences),
        "kind": pairs["kind"],
        "links": (links_agreed, links_compared),
        **{label: pairs[label] for label in SENTENCE_LABELS[1:]},
        "noncontent": nc_pairs,
        "orgs": (len(keys_a & keys_b), len(keys_a | keys_b),
                 sum(oa[k] == ob[k] for k in keys_a & keys_b)),
    }
    return {"sentences": gold_sentences, "blocks": gold_blocks, "orgs": gold_orgs}, figures


def write_csv(path: Path, rows: list[dict], columns: list[str], header: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


SENTENCE_HEADER = (
    "# Gold for each Chinese sentence, kept where two independent annotators agreed (empty: they did not, or\n"
    "# the label does not apply). start, end: offsets into the file (checksum in index.csv); kind: summary |\n"
    "# heading | framing | aside | beyond | noncontent; en_spans: the English blocks drawn on, as start:end,\n"
    "# '|'-separated (the blocks both annotators named); certainty: softened | sharpened | same; voice:\n"
    "# attributed | absorbed | plain; generalisation: generalised | particularised | same. GUIDELINES.md.\n"
)
BLOCK_HEADER = (
    "# Gold for each line (block) of the file, kept where both annotators agreed whether it is non-content\n"
    "# (page furniture): start, end (offsets), part (zh | en), noncontent (1 | 0), reason (GUIDELINES.md; 'mixed'\n"
    "# where they agreed it is furniture but not on why).\n"
)
ORG_HEADER = (
    "# Organisations named in each version, kept where both annotators named them: lang (zh | en), org, count\n"
    "# (the smaller of the two counts), counts_agree (1 where both counted the same).\n"
)


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def main(units: Path, out: Path, folders: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    lines = ["# Agreement between the two annotators, per document", "",
             "Raw agreement (share of units labelled alike) and Cohen's kappa. Links: of the sentences both",
             "called summary, heading or framing, the share where they named at least one English block in common.",
             "Certainty, voice and generalisation: over sentences both called summary or heading. Organisations:",
             "organisations both named / named by either, and how many of the shared ones they counted alike.", "",
             "| document | sentences | kind | kind κ | links | certainty κ | voice κ | general. κ | non-content κ | orgs shared | counts alike |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    totals: dict[str, list] = {}
    for first, second in zip(folders[::2], folders[1::2]):
        docs = sorted(p.name[: -len(".sentences.tsv")] for p in first.glob("*.sentences.tsv")
                      if (second / p.name).exists())
        for doc in docs:
            gold, fig = merge_document(units, first, second, doc)
            write_csv(out / f"{doc}.sentences.csv", gold["sentences"],
                      ["sid", "start", "end", "kind", "en_spans", "certainty", "voice", "generalisation"], SENTENCE_HEADER)
            write_csv(out / f"{doc}.blocks.csv", gold["blocks"], ["start", "end", "part", "noncontent", "reason"], BLOCK_HEADER)
            write_csv(out / f"{doc}.orgs.csv", gold["orgs"], ["lang", "org", "count", "counts_agree"], ORG_HEADER)
            for key in ("kind", "certainty", "voice", "generalisation", "noncontent"):
                totals.setdefault(key, []).extend(fig[key])
            for key in ("links", "orgs"):
                totals.setdefault(key, []).append(fig[key])
            raw = sum(a == b for a, b in fig["kind"]) / max(len(fig["kind"]), 1)
            agreed, compared = fig["links"]
            shared, either, alike = fig["orgs"]
            lines.append(f"| {doc} | {fig['sentences']} | {raw:.2f} | {fmt(kappa(fig['kind']))} | {agreed}/{compared} | "
                         f"{fmt(kappa(fig['certainty']))} | {fmt(kappa(fig['voice']))} | {fmt(kappa(fig['generalisation']))} | "
                         f"{fmt(kappa(fig['noncontent']))} | {shared}/{either} | {alike}/{shared} |")
    if totals:
        raw = sum(a == b for a, b in totals["kind"]) / max(len(totals["kind"]), 1)
        links = [sum(x[0] for x in totals["links"]), sum(x[1] for x in totals["links"])]
        orgs = [sum(x[i] for x in totals["orgs"]) for i in range(3)]
        lines.append(f"| **all** | {len(totals['kind'])} | {raw:.2f} | {fmt(kappa(totals['kind']))} | {links[0]}/{links[1]} | "
                     f"{fmt(kappa(totals['certainty']))} | {fmt(kappa(totals['voice']))} | {fmt(kappa(totals['generalisation']))} | "
                     f"{fmt(kappa(totals['noncontent']))} | {orgs[0]}/{orgs[1]} | {orgs[2]}/{orgs[0]} |")
    (out / "AGREEMENT.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
