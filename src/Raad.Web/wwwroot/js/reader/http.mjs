// The antiforgery header every page carries for htmx (body's hx-headers), for the JSON calls the reader makes.
export function antiforgery() {
  try {
    return JSON.parse(document.body.getAttribute('hx-headers') ?? '{}');
  } catch {
    return {};
  }
}
