"""Build the speech of the coach's fixed phrases (counts, cues, pacing) in advance.

    python scripts/prebuild_audio.py        (or: make audio)

gTTS needs Google. Offline or rate limited, it says so and exits 0: the coach
then makes each phrase when first said, or sends text alone.
"""

import logging

from coach import session, speech


def main() -> None:
    logging.basicConfig(format="%(message)s")  # so that gTTS's failure, if any, is shown
    phrases = session.fixed_phrases()
    built, failed = speech.prebuild(phrases)
    print(f"{built} of {len(phrases)} fixed phrases have their audio in {speech.audio_dir()}.")
    if failed:
        print(
            f"{failed} not built: gTTS could not get them from Google (offline or rate"
            " limited: see the warning). Try `make audio` again later."
        )


if __name__ == "__main__":
    main()
