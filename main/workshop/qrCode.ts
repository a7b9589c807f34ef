// A QR code of a join link as an SVG document, so the dialog can show it at any size and a
// projector shows it sharp. Error correction M (15 %) survives glare and a phone at an angle
// while keeping a ~100-character link at a size phones read from across a room.
import QRCode from 'qrcode';

export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
