"""Note patterns for the demo set: drums, bass lines, chords, a hook. A minor, i-VI-III-VII."""
import random

# (root for bass, chord voicing for keys, pad voicing) per bar: Am | F | C | G
PROGRESSION = (
    (33, (57, 60, 64), (45, 52, 57, 60)),
    (29, (53, 57, 60), (41, 48, 53, 57)),
    (36, (55, 60, 64), (48, 52, 55, 60)),
    (31, (55, 59, 62), (43, 50, 55, 59)),
)
KICK, RIM, SNARE, CLAP, CLOSED_HAT, OPEN_HAT, CRASH, LOW_TOM, HIGH_TOM, PEDAL_HAT = 36, 37, 38, 39, 42, 46, 49, 41, 45, 44
CONGA_LOW, CONGA_HIGH, SHAKER, TAMBOURINE, COWBELL, CLAVE = 36, 37, 38, 39, 40, 41


def note(pitch, start, duration, velocity=100, probability=1.0, velocity_deviation=0.0):
    return dict(pitch=pitch, start_time=float(start), duration=float(duration), velocity=float(velocity),
                probability=probability, velocity_deviation=velocity_deviation)


def steps(pattern, pitch, velocity=100, step=0.25, accent=None, probability=1.0, offset=0.0):
    """`x` hits, `o` soft hits, `.` rests: one character per step."""
    out = []
    for index, char in enumerate(pattern.replace(" ", "")):
        if char in "xo":
            level = velocity if char == "x" else int(velocity * 0.55)
            if accent and index % accent == 0 and char == "x":
                level = min(127, level + 15)
            out.append(note(pitch, offset + index * step, step * 0.9, level, probability))
    return out


def humanize(notes, seed, spread=8):
    rng = random.Random(seed)
    for item in notes:
        item["velocity"] = float(max(1, min(127, item["velocity"] + rng.randint(-spread, spread))))
    return notes


def beat(bars=2, full=True, ghost=False, open_hats=False, crash=False):
    out = []
    for bar in range(bars):
        at = bar * 4.0
        out += steps("x...x...x...x...", KICK, 110, offset=at)
        out += steps("....x.......x...", CLAP, 100, offset=at)
        out += steps("..x...x...x...x.", CLOSED_HAT, 85, offset=at, accent=2)
        if full:
            out += steps("x.x.x.x.x.x.x.x.", CLOSED_HAT, 55, step=0.25, offset=at)
        if ghost:
            out += steps("...o..o....o..o.", SNARE, 70, offset=at, probability=0.6)
        if open_hats:
            out += steps("..x...x...x...x.", OPEN_HAT, 80, offset=at)
    if crash:
        out.append(note(CRASH, 0, 2.0, 110))
    return humanize(out, seed=bars * 7 + ghost + 2 * open_hats)


def hats_only():
    return humanize(steps("x.xox.xox.xox.xo", CLOSED_HAT, 80, accent=4), seed=1)


def snare_roll():
    out = steps("x...x...x...x...", KICK, 105) + steps("x...x...x...x...", KICK, 105, offset=4.0)
    out += steps("x.x.x.x.x.x.x.x.", SNARE, 70, offset=8.0)
    out += steps("xxxxxxxxxxxxxxxx", SNARE, 80, offset=12.0)
    for index, item in enumerate(n for n in out if n["pitch"] == SNARE):
        item["velocity"] = float(min(127, 60 + index * 2))
    return out


def percussion(bars=2, busy=False):
    out = []
    for bar in range(bars):
        at = bar * 4.0
        out += steps("xoxoxoxoxoxoxoxo", SHAKER, 70, offset=at)
        out += steps("..x..x....x..x..", CONGA_HIGH, 90, offset=at)
        out += steps("x......x..x.....", CONGA_LOW, 95, offset=at)
        if busy:
            out += steps("....x.......x...", TAMBOURINE, 85, offset=at)
            out += steps("x..x..x...x..x..", CLAVE, 75, offset=at, probability=0.8)
    return humanize(out, seed=20 + bars + busy)


def bass(style):
    out = []
    for bar, (root, _chord, _pad) in enumerate(PROGRESSION):
        at = bar * 4.0
        if style == "verse":
            out += [note(root, at, 0.5, 110), note(root, at + 0.75, 0.25, 90), note(root + 12, at + 1.5, 0.5, 95),
                    note(root, at + 2.5, 0.5, 100), note(root + 7, at + 3.25, 0.5, 85)]
        elif style == "build":
            out += [note(root, at + i * 0.5, 0.4, 90 + i * 3) for i in range(8)]
        elif style == "drop":
            out += [note(root + (12 if i % 2 else 0), at + 0.5 + i, 0.45, 115) for i in range(4)]
        else:  # long notes
            out.append(note(root, at, 3.75, 95))
    return humanize(out, seed=len(style))


def chords(style, voicing=1):
    out = []
    for bar, chord in enumerate(PROGRESSION):
        pitches = chord[voicing]
        at = bar * 4.0
        if style == "stabs":
            for hit in (0.5, 1.5, 2.75, 3.5):
                out += [note(p, at + hit, 0.25, 95) for p in pitches]
        elif style == "halves":
            out += [note(p, at + h, 1.9, 80) for h in (0.0, 2.0) for p in pitches]
        else:
            out += [note(p, at, 4.0, 72) for p in pitches]
    return humanize(out, seed=voicing * 3 + len(style), spread=5)


HOOK = ((0, 76, .5), (.5, 74, .5), (1, 72, 1), (2.5, 69, .5), (3, 72, 1),
        (4, 77, .5), (4.5, 76, .5), (5, 72, 1), (6.5, 69, .5), (7, 72, .5), (7.5, 74, .5),
        (8, 76, 1.5), (9.5, 79, .5), (10, 76, 1), (11, 74, 1),
        (12, 74, .5), (12.5, 72, .5), (13, 71, 1), (14, 67, 1), (15, 69, 1))


def hook(transpose=0):
    return humanize([note(p + transpose, t, d * 0.95, 100) for t, p, d in HOOK], seed=40 + transpose)


def arpeggio(step):
    out = []
    for bar, (root, chord, _pad) in enumerate(PROGRESSION):
        tones = list(chord) + [chord[0] + 12, chord[1] + 12]
        shape = tones + tones[-2:0:-1]
        count = int(4 / step)
        out += [note(shape[i % len(shape)], bar * 4.0 + i * step, step * 0.8, 100 if i % 2 == 0 else 78)
                for i in range(count)]
    return humanize(out, seed=int(step * 100))
