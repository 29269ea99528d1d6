#!/usr/bin/python3
"""Independent check of an iCalendar file written by Passerelles (domain::ics_calendar), with python3-icalendar.

Usage: check_ics.py FILE [--expect-count N] [--expect-calname TEXT] [--expect-method TEXT]
                        [--expect-summary TEXT]... [--expect-description TEXT]... [--expect-location TEXT]...
                        [--expect-start VALUE]... [--expect-end VALUE]... [--expect-status TEXT]...
                        [--expect-uid TEXT]...

Always checked: CRLF line ends, physical lines of at most 75 octets that are each valid UTF-8 (folding never splits
a character), VERSION 2.0 and a PRODID, and that the Europe/Paris VTIMEZONE gives the same UTC offsets as the
system's tz database every 6 hours from 2020 to 2037.

Each repeated --expect-X lists the events' values in the order of the file, one per event (an empty TEXT for a
property that must be absent). Starts and ends are written as Python's isoformat() of the parsed value:
'2025-03-14T14:30:00+01:00' for a time in Europe/Paris, '2025-03-14' for an all-day date, '' when absent.
Exits 1 with one line per mismatch."""
import argparse
import datetime
import sys
import zoneinfo

import icalendar

EVENT_FIELDS = ["summary", "description", "location", "start", "end", "status", "uid"]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("file")
    p.add_argument("--expect-count", type=int)
    p.add_argument("--expect-calname")
    p.add_argument("--expect-method")
    for f in EVENT_FIELDS:
        p.add_argument("--expect-" + f, action="append", dest=f)
    return p.parse_args(argv)


def check_lines(raw, errors):
    if not raw.endswith(b"\r\n"):
        errors.append("the file does not end with CRLF")
    body = raw[:-2] if raw.endswith(b"\r\n") else raw
    for number, line in enumerate(body.split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            errors.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            errors.append(f"line {number}: {len(line)} octets (at most 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            errors.append(f"line {number}: not UTF-8 on its own, folding split a character ({e})")


def check_paris_timezone(cal, errors):
    zones = [z for z in cal.walk("VTIMEZONE") if str(z.get("TZID")) == "Europe/Paris"]
    if len(zones) != 1:
        errors.append(f"{len(zones)} VTIMEZONE Europe/Paris (expected 1)")
        return
    ours = zones[0].to_tz()
    reference = zoneinfo.ZoneInfo("Europe/Paris")
    t = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    end = datetime.datetime(2037, 12, 31, tzinfo=datetime.timezone.utc)
    while t < end:
        a, b = t.astimezone(ours).utcoffset(), t.astimezone(reference).utcoffset()
        if a != b:
            errors.append(f"VTIMEZONE: at {t.isoformat()} the offset is {a}, the tz database says {b}")
            return
        t += datetime.timedelta(hours=6)


def text(component, name):
    value = component.get(name)
    return "" if value is None else str(value)


def moment(component, name):
    value = component.get(name)
    return "" if value is None else value.dt.isoformat()


def main(argv):
    args = parse_args(argv)
    with open(args.file, "rb") as f:
        raw = f.read()
    errors = []
    check_lines(raw, errors)
    cal = icalendar.Calendar.from_ical(raw)
    if text(cal, "VERSION") != "2.0":
        errors.append(f"VERSION is {text(cal, 'VERSION')!r}")
    if not text(cal, "PRODID"):
        errors.append("no PRODID")
    check_paris_timezone(cal, errors)
    events = cal.walk("VEVENT")
    if args.expect_count is not None and len(events) != args.expect_count:
        errors.append(f"{len(events)} events, expected {args.expect_count}")
    if args.expect_calname is not None and text(cal, "X-WR-CALNAME") != args.expect_calname:
        errors.append(f"X-WR-CALNAME {text(cal, 'X-WR-CALNAME')!r}, expected {args.expect_calname!r}")
    if args.expect_method is not None and text(cal, "METHOD") != args.expect_method:
        errors.append(f"METHOD {text(cal, 'METHOD')!r}, expected {args.expect_method!r}")
    getters = {
        "summary": lambda e: text(e, "SUMMARY"),
        "description": lambda e: text(e, "DESCRIPTION"),
        "location": lambda e: text(e, "LOCATION"),
        "start": lambda e: moment(e, "DTSTART"),
        "end": lambda e: moment(e, "DTEND"),
        "status": lambda e: text(e, "STATUS"),
        "uid": lambda e: text(e, "UID"),
    }
    for field in EVENT_FIELDS:
        expected = getattr(args, field)
        if expected is None:
            continue
        if len(expected) != len(events):
            errors.append(f"{len(expected)} expected {field} values for {len(events)} events")
            continue
        for i, (want, event) in enumerate(zip(expected, events), 1):
            got = getters[field](event)
            if got != want:
                errors.append(f"event {i} {field}: {got!r}, expected {want!r}")
    for e in errors:
        print(f"check_ics: {args.file}: {e}", file=sys.stderr)
    if errors:
        return 1
    print(f"check_ics: {args.file}: {len(events)} events as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
