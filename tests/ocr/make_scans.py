#!/usr/bin/env python3
"""Scans made at test time from the forms printed by LibreOffice (tests/office/make_published.py).

Usage: make_scans.py PUBLISHED_DIR OUT_DIR [--pages 1-4] [--full]

From PUBLISHED_DIR/published.xlsx.pdf (the sample, printed by Calc) it renders pages with
pdftoppm (poppler-utils) and writes, for the pages asked for (default 1-4, the first two forms):

  clean-300.tif       300 dpi, grey, as a flatbed scanner saves a clean page (multi-page TIFF)
  clean-200.png       200 dpi, the first page only (PNG)
  noisy-200.tif       200 dpi, each page turned by 1-2 degrees, a red stamp circle over the table,
                      a light blur and JPEG quality 40 (multi-page TIFF of the JPEG-damaged pages)
  scan.pdf            the noisy pages as an image-only PDF (no text layer: what a copier writes)
  ocr-layer.pdf       the first clean page with a poor text layer (Tesseract's PDF made with the
                      Latin model only), when the tesseract program is installed

and, from each family PDF of make_published.py (family-<name>.pdf: the other layout families,
one page each):

  family-<name>-clean.tif   300 dpi, grey
  family-<name>-noisy.tif   200 dpi, damaged as noisy-200.tif

With --full every page of the sample is rendered, and damaged at 300 dpi too (noisy-300.tif;
clean-200.tif: the OCR benchmark, tests/benchmarks/ocr_benchmark.sh). Exits 77 (skip) when the
published PDF, pdftoppm or Pillow is missing.
"""
import io
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile


def skip(reason):
    print(f"skipped: {reason}")
    sys.exit(77)


try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter
except ImportError:  # pragma: no cover
    skip("Pillow (python3-pil) is not installed")


def render(pdf, dpi, first, last, work):
    prefix = os.path.join(work, f"p{dpi}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(first), "-l", str(last), "-png", pdf, prefix], check=True)
    names = sorted(n for n in os.listdir(work) if n.startswith(f"p{dpi}-") and n.endswith(".png"))
    return [Image.open(os.path.join(work, n)).convert("RGB") for n in names]


def stamp(page, rng):
    """A red seal (公章) over the table: a ring, a star and an arc of text-like strokes, in ink
    that the print under it shows through (multiplied, as stamp ink on paper)."""
    layer = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    w, h = page.size
    r = int(min(w, h) * 0.09)
    cx = int(w * rng.uniform(0.55, 0.75))
    cy = int(h * rng.uniform(0.25, 0.6))
    red = (215, 40, 40)
    width = max(3, r // 14)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=width)
    points = []
    for k in range(10):
        radius = r * (0.3 if k % 2 else 0.12)
        a = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    draw.polygon(points, fill=red)
    for k in range(14):
        a = math.pi * (0.15 + 0.7 * k / 13) + math.pi
        x = cx + r * 0.72 * math.cos(a)
        y = cy + r * 0.72 * math.sin(a)
        draw.rectangle((x - width, y - width * 2, x + width, y + width * 2), fill=red)
    return ImageChops.multiply(page, layer)


def noisy(page, rng, dpi):
    page = stamp(page, rng)
    angle = rng.choice([-1, 1]) * rng.uniform(1.0, 2.0)
    page = page.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    page = page.filter(ImageFilter.GaussianBlur(radius=0.5 * dpi / 200))
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=40)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def save_tiff(pages, path, dpi, grey=False):
    pages = [p.convert("L") for p in pages] if grey else pages
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(dpi, dpi))


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    published, out = argv[1], argv[2]
    pages = "1-4"
    if "--pages" in argv:
        pages = argv[argv.index("--pages") + 1]
    full = "--full" in argv
    pdf = os.path.join(published, "published.xlsx.pdf")
    if not os.path.exists(pdf):
        skip(f"{pdf} not made (LibreOffice missing: the office_published fixture skipped)")
    if shutil.which("pdftoppm") is None:
        skip("pdftoppm (poppler-utils) is not installed")
    first, last = (int(x) for x in pages.split("-"))
    if full:
        first, last = 1, 10_000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20231207)
    with tempfile.TemporaryDirectory() as work:
        sharp = render(pdf, 300, first, last, work)
        save_tiff(sharp, os.path.join(out, "clean-300.tif"), 300, grey=True)
        coarse = render(pdf, 200, first, last, work)
        coarse[0].convert("L").save(os.path.join(out, "clean-200.png"), dpi=(200, 200))
        if full:
            save_tiff(coarse, os.path.join(out, "clean-200.tif"), 200, grey=True)
        damaged = [noisy(p, rng, 200) for p in coarse]
        save_tiff(damaged, os.path.join(out, "noisy-200.tif"), 200)
        # Pillow stores each page as a JPEG: at quality 95, so that the PDF holds the pages as
        # damaged above, not damaged twice.
        damaged[0].save(os.path.join(out, "scan.pdf"), "PDF", save_all=True, append_images=damaged[1:], resolution=200.0,
                        quality=95)
        # A PDF "made searchable" with a poor text layer: Tesseract's own PDF of the first page,
        # recognised with the Latin model only (Latin letters where the Chinese is).
        if shutil.which("tesseract"):
            env = dict(os.environ, OMP_THREAD_LIMIT="1")
            page = os.path.join(work, "layer.png")
            sharp[0].convert("L").save(page, dpi=(300, 300))
            subprocess.run(["tesseract", page, os.path.join(out, "ocr-layer"), "-l", "eng", "pdf"], check=True,
                           env=env, capture_output=True)
        if full:
            loud = [noisy(p, rng, 300) for p in sharp]
            save_tiff(loud, os.path.join(out, "noisy-300.tif"), 300)
        for name in sorted(os.listdir(published)):
            if not (name.startswith("family-") and name.endswith(".pdf")):
                continue
            stem = os.path.join(out, name[:-4])
            with tempfile.TemporaryDirectory() as own:
                save_tiff(render(os.path.join(published, name), 300, 1, 10_000, own), stem + "-clean.tif", 300, grey=True)
            with tempfile.TemporaryDirectory() as own:
                save_tiff([noisy(p, rng, 200) for p in render(os.path.join(published, name), 200, 1, 10_000, own)],
                          stem + "-noisy.tif", 200)
    print(f"wrote scans of pages {first}-{min(last, first + len(sharp) - 1)} into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
