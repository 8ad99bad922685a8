from pathlib import Path

from tests.blind import newest


def test_the_newest_blind_set_goes_by_date_then_round_with_aa_after_z():
    names = [
        "2026-11-26x-questions.yml",
        "2026-11-27z-questions.yml",
        "2026-11-27bb-questions.yml",
        "2026-11-27aa-questions.yml",
        "2026-11-27-questions.yml",
    ]
    assert newest([Path(n) for n in names]).name == "2026-11-27bb-questions.yml"
    assert newest([Path("2026-11-26z-x.yml"), Path("2026-11-27-x.yml")]).name == "2026-11-27-x.yml"
