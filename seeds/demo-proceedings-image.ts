import sharp from "sharp";
import { checkImage, storeImage } from "../app/platform/uploads/images.server";
import { DOCUMENT_LIMITS } from "../app/features/proceedings/rules";

/**
 * The demo's one picture in a presentation: Bắc Giang's lychee exports by year as a bar chart,
 * drawn as SVG, rendered to PNG by sharp and stored through the uploads' checked path (area
 * "documents"), as an upload by a secretary would be.
 */

export const EXPORTS_CHART = {
  caption: "Giá trị xuất khẩu vải thiều của tỉnh Bắc Giang, 2017–2021 (triệu USD)",
  bars: [
    ["2017", 61.2],
    ["2018", 78.5],
    ["2019", 84.0],
    ["2020", 96.3],
    ["2021", 128.7],
  ] as Array<[string, number]>,
};

function chartSvg(): string {
  const width = 960;
  const height = 540;
  const left = 90;
  const bottom = 460;
  const top = 90;
  const max = 140;
  const step = (width - left - 40) / EXPORTS_CHART.bars.length;
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  const grid = [0, 35, 70, 105, 140]
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - 30}" y1="${y(v)}" y2="${y(v)}" stroke="#d0d7de"/>` +
        `<text x="${left - 12}" y="${y(v) + 6}" text-anchor="end" font-size="18" fill="#444">${v}</text>`,
    )
    .join("");
  const bars = EXPORTS_CHART.bars
    .map(([year, value], i) => {
      const x = left + i * step + step * 0.2;
      const w = step * 0.6;
      return (
        `<rect x="${x}" y="${y(value)}" width="${w}" height="${bottom - y(value)}" fill="${i === EXPORTS_CHART.bars.length - 1 ? "#b3261e" : "#c9623f"}"/>` +
        `<text x="${x + w / 2}" y="${y(value) - 10}" text-anchor="middle" font-size="20" font-weight="bold" fill="#222">${value.toFixed(1).replace(".", ",")}</text>` +
        `<text x="${x + w / 2}" y="${bottom + 30}" text-anchor="middle" font-size="20" fill="#222">${year}</text>`
      );
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${width / 2}" y="48" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="24" font-weight="bold" fill="#222">Xuất khẩu vải thiều Bắc Giang (triệu USD)</text>
<g font-family="DejaVu Sans, sans-serif">${grid}${bars}</g>
<line x1="${left}" x2="${width - 30}" y1="${bottom}" y2="${bottom}" stroke="#222" stroke-width="2"/>
<text x="${width - 30}" y="${height - 16}" text-anchor="end" font-family="DejaVu Sans, sans-serif" font-size="15" fill="#666">Nguồn: UBND tỉnh Bắc Giang</text>
</svg>`;
}

/** Renders the chart, checks and stores it; returns what the document_images row needs. */
export async function storeExportsChart() {
  const png = await sharp(Buffer.from(chartSvg())).flatten({ background: "#ffffff" }).png().toBuffer();
  const checked = await checkImage(png, { maxBytes: DOCUMENT_LIMITS.imageBytes, maxSide: 1600, quality: 85 });
  if (!checked.ok) throw new Error(`the demo chart was refused: ${checked.reason}`);
  const key = await storeImage("documents", checked.image);
  return {
    storage_key: key,
    content_type: checked.image.contentType,
    width: checked.image.width,
    height: checked.image.height,
    bytes: checked.image.data.byteLength,
    caption: EXPORTS_CHART.caption,
  };
}
