// Remote images of a stored message. The backend keeps them only as inert references
// (`src="sb-remote:https://…"`, `&` serialized as `&amp;`) and fetches them when the agent asks,
// handing back `data:` URLs; this puts those, and nothing else, back into the markup.
import type { RemoteImage } from './backend';


const REMOTE_REFERENCE = /(\s)src="sb-remote:([^"]*)"/g;

// Raster images only: an SVG could carry markup of its own, and anything not `data:` would fetch.
const SAFE_IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon);base64,[A-Za-z0-9+/=]+$/;

function decodeAmpersands(value: string): string {
  return value.replace(/&amp;/g, '&');
}

/** The distinct remote image addresses the message refers to, in order (as the backend lists them). */
export function remoteImageUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(REMOTE_REFERENCE)) {
    const url = decodeAmpersands(match[2] ?? '');
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

export function isSafeImageDataUrl(value: string): boolean {
  return SAFE_IMAGE_DATA_URL.test(value);
}

/**
 * The markup with each reference whose image loaded pointing at its `data:` URL. References that
 * failed stay inert, and a value that is not a raster `data:` URL is never put into `src`.
 */
export function withLoadedImages(html: string, images: readonly RemoteImage[]): string {
  const loaded = new Map<string, string>();
  for (const image of images) {
    if (image.data_url !== null && isSafeImageDataUrl(image.data_url)) loaded.set(image.url, image.data_url);
  }
  return html.replace(REMOTE_REFERENCE, (whole, space: string, url: string) => {
    const dataUrl = loaded.get(decodeAmpersands(url));
    return dataUrl === undefined ? whole : `${space}src="${dataUrl}"`;
  });
}
