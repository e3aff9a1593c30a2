import nodemailer from 'nodemailer';
import type { ChannelSecrets } from './channels.js';
import type { RenderedMessage } from './messages.js';
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './signature.js';

/** A failed attempt: `retryable` is false for answers that will not change (4xx but 429, SMTP 5xx). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface SendOptions {
  /** Per attempt: a slow or hanging receiver fails the attempt after this long. */
  timeoutMs: number;
  signal: AbortSignal;
  now: () => Date;
}

export interface SendResult {
  responseCode?: number;
}

async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    // The URL is a secret (Slack's carries its token): only the error kind is reported.
    throw new DeliveryError(
      timedOut ? `no answer within ${options.timeoutMs} ms` : 'could not reach the receiver',
      true,
    );
  }
  // The body is not needed; reading it releases the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return { responseCode: response.status };
  const retryable = response.status === 429 || response.status >= 500;
  throw new DeliveryError(`the receiver answered HTTP ${response.status}`, retryable, response.status);
}

async function sendEmail(
  config: Extract<ChannelSecrets, { kind: 'email' }>,
  message: RenderedMessage,
  options: SendOptions,
): Promise<SendResult> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  const onAbort = () => transport.close();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: message.subject,
      text: message.text,
    });
    const code = Number(/^(\d{3})/.exec(info.response)?.[1]);
    return Number.isInteger(code) ? { responseCode: code } : {};
  } catch (error) {
    const smtp = error as { responseCode?: number; code?: string; message?: string };
    if (typeof smtp.responseCode === 'number') {
      throw new DeliveryError(
        `the mail server answered ${smtp.responseCode}`,
        smtp.responseCode < 500,
        smtp.responseCode,
      );
    }
    const timedOut = smtp.code === 'ETIMEDOUT';
    throw new DeliveryError(
      timedOut ? `no answer within ${options.timeoutMs} ms` : `could not send: ${smtp.code ?? 'error'}`,
      true,
    );
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    transport.close();
  }
}

/** One attempt at one channel. */
export async function sendToChannel(
  config: ChannelSecrets,
  message: RenderedMessage,
  options: SendOptions,
): Promise<SendResult> {
  switch (config.kind) {
    case 'email':
      return await sendEmail(config, message, options);
    case 'slack':
      return await postJson(config.webhookUrl, JSON.stringify(message.slack), {}, options);
    case 'webhook': {
      const body = JSON.stringify(message.webhook);
      const timestamp = Math.floor(options.now().getTime() / 1000);
      return await postJson(
        config.url,
        body,
        {
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhookBody(config.signingSecret, timestamp, body),
        },
        options,
      );
    }
  }
}
