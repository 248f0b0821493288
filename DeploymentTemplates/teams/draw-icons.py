#!/usr/bin/env python3
"""Draws the Teams app icons (standard library only, so it runs anywhere python3 does).

color.png   192x192: a teal rounded square with a white spine of five vertebrae.
outline.png  32x32: the same spine as a white outline on a transparent background, as Teams requires.
Shapes are sampled 4x4 per pixel for smooth edges.
"""
import struct
import zlib
from pathlib import Path

TEAL = (0, 120, 130)
WHITE = (255, 255, 255)


def rounded_rect(x, y, left, top, right, bottom, radius):
    """True when (x, y) lies inside the rounded rectangle."""
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def vertebrae(size):
    """Five stacked vertebrae, widest at the bottom like a lower back, in a box of the given size."""
    boxes = []
    count = 5
    top, bottom = 0.16 * size, 0.86 * size
    gap = 0.035 * size
    height = (bottom - top - gap * (count - 1)) / count
    for i in range(count):
        width = (0.34 + 0.06 * i) * size
        y0 = top + i * (height + gap)
        boxes.append(((size - width) / 2, y0, (size + width) / 2, y0 + height, height * 0.35))
    return boxes


def in_spine(x, y, boxes):
    return any(rounded_rect(x, y, *box) for box in boxes)


def render(size, pixel):
    """pixel(x, y) -> (r, g, b, a) for a sample point; returns RGBA rows averaged over 4x4 samples."""
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(4):
                for sx in range(4):
                    r, g, b, a = pixel(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / 16
            if acc[3] == 0:
                row += bytes((0, 0, 0, 0))
            else:
                row += bytes((round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)))
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rows)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    Path(path).write_bytes(png)


def color_icon():
    size = 192
    spine = vertebrae(size)

    def pixel(x, y):
        if in_spine(x, y, spine):
            return (*WHITE, 255)
        if rounded_rect(x, y, 0, 0, size, size, 36):
            return (*TEAL, 255)
        return (0, 0, 0, 0)

    return size, render(size, pixel)


def outline_icon():
    size = 32
    outer = vertebrae(size)
    stroke = 1.6
    inner = [(l + stroke, t + stroke, r - stroke, b - stroke, max(rad - stroke, 0.5)) for l, t, r, b, rad in outer]

    def pixel(x, y):
        if in_spine(x, y, outer) and not in_spine(x, y, inner):
            return (*WHITE, 255)
        return (0, 0, 0, 0)

    return size, render(size, pixel)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    for name, draw in (("color.png", color_icon), ("outline.png", outline_icon)):
        size, rows = draw()
        write_png(here / name, size, rows)
        print(f"wrote {name} ({size}x{size})")
