/**
 * Loupe's Content-Security-Policy. Connections may go to Loupe's own origin, to this device
 * (a local model mirror), to the model hub and to Mistral; the last two are used only when the user
 * downloads a model or turns the Mistral step on, which the app itself enforces.
 */
export const MODEL_HOSTS = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];
export const MISTRAL_HOSTS = ['https://api.mistral.ai', 'https://api.eu.mistral.ai'];
const THIS_DEVICE = ['http://localhost:*', 'http://127.0.0.1:*'];

export function contentSecurityPolicy(extraConnect: string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Wasm compilation (onnxruntime, tesseract) needs 'wasm-unsafe-eval'; nothing needs eval itself.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'"],
    'connect-src': ["'self'", 'blob:', 'data:', ...THIS_DEVICE, ...MODEL_HOSTS, ...MISTRAL_HOSTS, ...extraConnect],
    'img-src': ["'self'", 'blob:', 'data:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
