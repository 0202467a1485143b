"""Made-up documents and a corpus-folder builder shared by the corpus-mode tests."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SHORT = {
    "b-short.txt": "作者认为,中国实验室执行力很强。DeepSeek 开源了模型。\n\nThe labs are fast. We met Qwen.\n",
    "c-mixed.txt": "Kimi 模型很强吗？可能吧。\nMoonshot builds Kimi. It may well be true.\n",
}
UNDECODABLE = b"abc " + b"\xff\xfe\x80\x81\x90\xa0" * 200


def make_corpus(folder: Path, docs: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in docs.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder
