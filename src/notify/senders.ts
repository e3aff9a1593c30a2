import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import nodemailer from 'nodemailer';
import type { ChannelSecrets } from './channels.js';
import type { RenderedMessage } from './messages.js';
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './signature.js';
import { ADDRESS_REFUSED, checkReceiverUrl, guardedLookup, type ReceiverPolicy } from './url-guard.js';

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
  /** Which receiver addresses are allowed (the SSRF guard). */
  receivers: ReceiverPolicy;
}

export interface SendResult {
  responseCode?: number;
}

/** One POST over node:http(s) so the socket's lookup is the guarded one; redirects are never followed. */
async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  try {
    await checkReceiverUrl(url, options.receivers);
  } catch {
    // Saved before the guard, or its DNS now points inside: never sent, never retried.
    throw new DeliveryError('the receiver address is not allowed (private, local or not https)', false);
  }
  const target = new URL(url);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let status: number;
  try {
    status = await new Promise<number>((resolve, reject) => {
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': String(Buffer.byteLength(body)),
            ...headers,
          },
          signal: AbortSignal.any([options.signal, timeout]),
          lookup: guardedLookup(options.receivers),
        },
        (response) => {
          // The body is not needed; reading it releases the connection.
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  } catch (error) {
    if ((error as { code?: string }).code === ADDRESS_REFUSED)
      throw new DeliveryError('the receiver address is not allowed (private, local or not https)', false);
    // The URL is a secret (Slack's carries its token): only the error kind is reported.
    throw new DeliveryError(
      timeout.aborted ? `no answer within ${options.timeoutMs} ms` : 'could not reach the receiver',
      true,
    );
  }
  if (status >= 200 && status < 300) return { responseCode: status };
  if (status >= 300 && status < 400)
    throw new DeliveryError(
      `the receiver answered HTTP ${status} (redirects are not followed)`,
      false,
      status,
    );
  const retryable = status === 429 || status >= 500;
  throw new DeliveryError(`the receiver answered HTTP ${status}`, retryable, status);
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
