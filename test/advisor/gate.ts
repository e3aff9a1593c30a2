import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gate {
  /** The proxy's address: give it to the app as AWS_ENDPOINT_URL. */
  endpoint: string;
  /**
   * From now on requests to this AWS service (the signing name: s3, ec2, sts…) wait: a collection
   * stays "in progress" for as long as the test needs, while other calls (credentials) still pass.
   * `after`: that many requests to the service pass first (hold a job mid-way, not at its start).
   */
  hold(service: string, options?: { after?: number }): void;
  /** Lets held and later requests through. */
  open(): void;
  /** Requests currently waiting at the gate. */
  waiting(): number;
  /**
   * From now on STS AssumeRole into a role ARN containing this text answers AccessDenied (moto
   * never refuses an AssumeRole: it checks neither the role, its trust policy nor the External ID).
   */
  denyAssumeRole(roleArnPart: string): void;
  /** Undoes denyAssumeRole: AssumeRole into that role is forwarded again. */
  allowAssumeRole(roleArnPart: string): void;
  /** From now on STS AssumeRole into a role ARN containing this text waits (until open()). */
  holdAssumeRole(roleArnPart: string): void;
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of the emulator that can hold requests: the app still talks to
 * moto for real, but a test decides when a collection may progress (cancel "while collecting"
 * without racing a fast emulator). A request whose caller gives up (SDK abort) is dropped.
 */
export async function startGate(target: string): Promise<Gate> {
  const upstream = new URL(target);
  let held: string | null = null;
  /** Requests to the held service still let through before holding starts. */
  let passes = 0;
  let parked: (() => void)[] = [];
  let denied: string[] = [];
  let heldRoles: string[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    if (res.destroyed || req.destroyed) return;
    const out = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };

  /** STS's own answer to a refused AssumeRole (403, its XML error shape). */
  const refuse = (res: ServerResponse, roleArn: string) => {
    res.writeHead(403, { 'content-type': 'text/xml' });
    res.end(
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
        `<Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}</Message>` +
        `</Error><RequestId>gate</RequestId></ErrorResponse>`,
    );
  };

  /** STS calls are form-encoded POSTs: read the body to see the action and role, then forward it. */
  const screenSts = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const roleArn = form.get('RoleArn') ?? '';
      const assumeRole = form.get('Action') === 'AssumeRole';
      if (assumeRole && denied.some((part) => roleArn.includes(part))) return refuse(res, roleArn);
      if (assumeRole && heldRoles.some((part) => roleArn.includes(part))) {
        parked.push(() => passOn(req, res, body));
        return;
      }
      passOn(req, res, body);
    });
  };

  const passOn = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (res.destroyed || req.destroyed) return;
    const out = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host, 'content-length': String(body.length) },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const server = createServer((req, res) => {
    // Unread, a parked request's body simply waits in its socket until it is forwarded.
    // The signing name is in the SigV4 scope: Credential=AKID/20240101/us-east-1/s3/aws4_request.
    const service = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
    const holding = held !== null && service === held;
    if (holding && passes > 0) {
      passes--;
      forward(req, res);
    } else if (holding) parked.push(() => forward(req, res));
    else if (service === 'sts' && denied.length + heldRoles.length > 0) screenSts(req, res);
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    hold: (service, options = {}) => {
      held = service;
      passes = options.after ?? 0;
    },
    open: () => {
      held = null;
      heldRoles = [];
      const release = parked;
      parked = [];
      for (const go of release) go();
    },
    waiting: () => parked.length,
    denyAssumeRole: (roleArnPart) => {
      denied.push(roleArnPart);
    },
    allowAssumeRole: (roleArnPart) => {
      denied = denied.filter((part) => part !== roleArnPart);
    },
    holdAssumeRole: (roleArnPart) => {
      heldRoles.push(roleArnPart);
    },
    close: async () => {
      parked = [];
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
