"""The user's history turned into things to share: a spoken progress summary, a CSV for
their physiotherapist and a PNG chart of reps and pain.

Pure: nothing from Rasa, and matplotlib is imported only when a chart is drawn, so that
importing this module stays cheap for every process that never draws one.

A session's day is the local day (in the user's time zone) on which it started.
"""

import csv
import io
from datetime import date, datetime, time, timedelta, tzinfo

from coach import progression, when
from coach import protocol as p
from coach.pain import ACCEPTABLE, FINE, STOP, Thresholds

CSV_FILENAME = "prone-leg-lift-history.csv"

TREND_WINDOW = 3  # sessions averaged on each side when comparing reps
PAIN_WINDOW = 4  # recent sessions looked at for the pain trend
STEADY_WITHIN = 0.05  # a change in average reps smaller than this share counts as steady
MAX_LISTED_MOVES = 2  # level changes named one by one before the summary just counts them

# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# -- progress summary --------------------------------------------------------------------


def progress_summary(history: list[dict], level: str, now: float, tz: tzinfo) -> str:
    """A few short sentences on how the user is doing, to be read or spoken."""
    done = progression.sessions_done(history)
    if not done:
        return (
            "There's nothing in your history yet, so start a session whenever you're ready"
            " and I'll keep track of how you get on."
        )
    sentences = [
        _sessions_sentence(done, now, tz),
        _reps_sentence(done),
        _levels_sentence(done, level, tz),
        _pain_sentence(history, Thresholds.from_env().fine_up_to),
    ]
    return " ".join(sentences)


def _sessions_sentence(done: list[dict], now: float, tz: tzinfo) -> str:
    this_week = progression.sessions_this_week(done, now, tz)
    target = p.SESSIONS_PER_WEEK
    total = f"{progression.plural(len(done), 'session')} in total"
    if this_week < target:
        count = this_week or "none"
        return f"This week you've done {count} of your {target} sessions, and {total}."
    if this_week == target:
        return f"You've done all {target} of this week's sessions, and {total}."
    return f"You've done {this_week} sessions this week, past the {target} to aim for, and {total}."


def _reps_sentence(done: list[dict]) -> str:
    reps = [record["total_reps"] for record in done]
    if len(reps) == 1:
        return f"Your first session came to {reps[0]} reps."
    if len(reps) >= 2 * TREND_WINDOW:
        before = round(sum(reps[-2 * TREND_WINDOW : -TREND_WINDOW]) / TREND_WINDOW)
        after = round(sum(reps[-TREND_WINDOW:]) / TREND_WINDOW)
        lead = "On average your reps are"
        tail = f" a session, your last {TREND_WINDOW} sessions against the {TREND_WINDOW} before"
    else:
        before, after = reps[0], reps[-1]
        lead, tail = "Your reps are", " since your first session"
    if abs(after - before) <= STEADY_WITHIN * before:
        return f"Your reps are steady at about {after} a session."
    if after > before:
        return f"{lead} up from {before} to {after}{tail}."
    return (
        f"{lead} down from {before} to {after}{tail}; easier days are part of it,"
        " so go at a pace that feels right."
    )


def _levels_sentence(done: list[dict], level: str, tz: tzinfo) -> str:
    # Each level the user reached, with the day of its first session there.
    path: list[tuple[str, date]] = []
    for record in done:
        if not path or path[-1][0] != record["level"]:
            path.append((record["level"], progression.session_day(record, tz)))
    now_on = f"you're on {_level_phrase(level)} now"
    if len(path) == 1:
        if path[0][0] == level:
            return f"You've been on {_level_phrase(level)} throughout."
        return f"Your sessions so far were all on {_level_phrase(path[0][0])}, and {now_on}."
    moves = path[1:]
    if len(moves) > MAX_LISTED_MOVES:
        key, day = moves[-1]
        return (
            f"You've worked through {len(path)} levels, most recently moving to"
            f" {_level_phrase(key)} on {when.date_words(day)}, and {now_on}."
        )
    steps = [f"to {_level_phrase(key)} on {when.date_words(day)}" for key, day in moves]
    return f"You moved from {_level_phrase(path[0][0])} {', then '.join(steps)}, and {now_on}."


def _pain_sentence(history: list[dict], fine_up_to: int) -> str:
    # A session stopped at once for pain did no reps but must still show in the pain trend.
    peaks = [
        _highest_pain(record)
        for record in history
        if record.get("total_reps", 0) > 0 or record.get("pain")
    ]
    if not any(peak is not None for peak in peaks):
        return "You haven't reported any pain."
    recent = peaks[-PAIN_WINDOW:]
    latest, previous = recent[-1], (recent[-2] if len(recent) > 1 else None)
    earlier_high = max((peak for peak in recent[:-1] if peak is not None), default=0)
    if latest is not None and latest > fine_up_to:
        if previous is not None and latest > previous:
            return f"Pain has gone up lately: {previous} then {latest}, so take it easy."
        if latest < earlier_high:
            return f"Pain has eased from {earlier_high} to {latest}, but take it easy for now."
        return f"Your pain reached {latest} last time, so take it easy."
    if earlier_high > fine_up_to:
        if latest is None:
            return f"Pain has eased: it was up to {earlier_high}, and you reported none last time."
        return f"Pain has eased from {earlier_high} to {latest}."
    sessions = "your last session" if len(recent) == 1 else f"your last {len(recent)} sessions"
    return f"No pain above {fine_up_to} in {sessions}."


# -- CSV -------------------------------------------------------------------------------


def history_csv(history: list[dict], tz: tzinfo) -> str:
    """The whole history, one row per record, oldest first, for a spreadsheet."""
    sets = max((len(record["reps"]) for record in history), default=0)
    set_columns = [f"set{n}_{leg}" for n in range(1, sets + 1) for leg in p.LEGS]
    header = ["date", "start", "end", "timezone", "level", "target_reps_per_set"]
    header += set_columns
    header += ["total_reps", "completed", "highest_pain", "pain_scores", "next_morning", "notes"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for record in history:
        start, end = (
            progression.local(record["started_at"], tz),
            progression.local(record["ended_at"], tz),
        )
        per_set = [counts.get(leg, "") for counts in record["reps"] for leg in p.LEGS]
        pain = record.get("pain") or []
        row = [
            start.date().isoformat(),
            f"{start:%H:%M}",
            f"{end:%H:%M}",
            getattr(tz, "key", None) or start.tzname(),
            _level_name(record["level"]),
            record["target"],
            *per_set,
            *[""] * (len(set_columns) - len(per_set)),
            record["total_reps"],
            "yes" if record["completed"] else "no",
            "" if not pain else max(pain),
            ";".join(str(score) for score in pain),
            record.get("next_morning") or "",
            ";".join(record.get("notes") or []),
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def _cell(value: object) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


# -- chart -----------------------------------------------------------------------------


def chart_png(
    history: list[dict], tz: tzinfo, pain_fine_up_to: int = 3, pain_stop_above: int = 5
) -> bytes | None:
    """Reps and highest pain per session over time, about 800x600 px, or None if empty."""
    if not history:
        return None
    # Lazy: matplotlib costs tens of MB, and most processes never draw a chart.
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # Naive local times, so the date axis shows the user's days whatever the server's zone.
    moments = [
        progression.local(record["started_at"], tz).replace(tzinfo=None) for record in history
    ]
    reps = [record["total_reps"] for record in history]
    peaks = [_highest_pain(record) for record in history]

    # A Figure without pyplot: nothing global to leak on a server.
    fig = Figure(figsize=(8, 6), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True)
    fig.suptitle(f"{p.EXERCISE_NAME.capitalize()}: reps and pain", fontsize=16)

    top.plot(moments, reps, color="tab:blue", linewidth=1.5, zorder=1)
    outcomes = (
        (True, "completed", "tab:blue", "o", 50),
        (False, "stopped early", "tab:red", "X", 90),
    )
    for completed, label, color, marker, size in outcomes:
        picked = [i for i, record in enumerate(history) if bool(record["completed"]) == completed]
        if picked:
            top.scatter(
                [moments[i] for i in picked],
                [reps[i] for i in picked],
                s=size,
                marker=marker,
                color=color,
                label=label,
                zorder=2,
                clip_on=False,  # a session stopped at once sits on the axis: show all of it
            )
    top.set_ylabel("Total reps", fontsize=12)
    top.set_ylim(bottom=0, top=max(reps) * 1.25 + 1)
    # Above the panel, where it can never hide a session.
    top.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2, frameon=False, fontsize=10)

    bands = (
        (FINE, 0, pain_fine_up_to, "tab:green"),
        (ACCEPTABLE, pain_fine_up_to, pain_stop_above, "tab:orange"),
        (STOP, pain_stop_above, 10, "tab:red"),
    )
    for name, low, high, color in bands:
        bottom.axhspan(low, high, color=color, alpha=0.15)
        bottom.text(
            0.99,
            (low + high) / 2,
            name,
            transform=bottom.get_yaxis_transform(),
            ha="right",
            va="center",
            color=color,
            fontsize=10,
        )
    for limit in (pain_fine_up_to, pain_stop_above):
        bottom.axhline(limit, color="grey", linestyle="--", linewidth=1)
    reported = [i for i, peak in enumerate(peaks) if peak is not None]
    if reported:
        bottom.plot(
            [moments[i] for i in reported],
            [peaks[i] for i in reported],
            color="tab:purple",
            marker="o",
            linewidth=1.5,
        )
    else:
        bottom.text(0.5, 0.5, "No pain reported", transform=bottom.transAxes, ha="center")
    bottom.set_ylim(0, 10)
    bottom.set_ylabel("Highest pain (0-10)", fontsize=12)
    bottom.set_xlabel("Date", fontsize=12)

    for index in range(1, len(history)):
        if history[index]["level"] != history[index - 1]["level"]:
            for axes in (top, bottom):
                axes.axvline(moments[index], color="grey", linestyle=":", linewidth=1.5)
            top.annotate(
                _level_name(history[index]["level"]),
                (moments[index], 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, -3),
                textcoords="offset points",
                va="top",
                fontsize=10,
            )

    # Whole days with a day's margin each side keep end points off the frame, and at least
    # a week shown lets the ticks name days (not hours) even for a single session.
    first = datetime.combine(min(moments).date(), time()) - timedelta(days=1)
    last = datetime.combine(max(moments).date(), time()) + timedelta(days=2)
    bottom.set_xlim(first, max(last, first + timedelta(days=7)))
    locator = mdates.AutoDateLocator(maxticks=8)
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for axes in (top, bottom):
        axes.tick_params(labelsize=11)

    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


# -- shared helpers --------------------------------------------------------------------


def _level_name(key: str) -> str:
    try:
        return p.LEVELS[p.level_index(key)].name
    except KeyError:  # a level from an older ladder: its key is still more useful than nothing
        return key


def _level_phrase(key: str) -> str:
    """The level's name as it reads in a sentence: "the bent-knee lift", "15 reps"."""
    name = _level_name(key)
    return name if name[0].isdigit() else f"the {name}"


def _highest_pain(record: dict) -> int | None:
    return max(record.get("pain") or [], default=None)
