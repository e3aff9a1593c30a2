import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { loadBalancer } from '../testing-network.js';
import check from './elb-listener-https-only.js';

const http = (actions: { type: string; redirectProtocol?: string }[]) => ({
  port: 80,
  protocol: 'HTTP',
  defaultActions: actions,
});
const https = {
  port: 443,
  protocol: 'HTTPS',
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  defaultActions: [{ type: 'forward' }],
};

describe('elb-listener-https-only', () => {
  const redirecting = loadBalancer('redirect', 'application', {
    listeners: [http([{ type: 'redirect', redirectProtocol: 'HTTPS' }]), https],
  });
  const forwarding = loadBalancer('forward', 'application', {
    listeners: [http([{ type: 'forward' }]), https],
  });
  const classicPlain = loadBalancer('old', 'classic', {
    listeners: [{ port: 80, protocol: 'HTTP', defaultActions: [] }],
  });
  const classicBoth = loadBalancer('mixed', 'classic', {
    listeners: [
      { port: 80, protocol: 'HTTP', defaultActions: [] },
      { port: 443, protocol: 'HTTPS', defaultActions: [] },
    ],
  });
  const nlb = loadBalancer('tcp', 'network', {
    listeners: [{ port: 80, protocol: 'TCP', defaultActions: [] }],
  });
  const findings = evaluate(
    check,
    fixtureSnapshot({ 'elb.load-balancers': [redirecting, forwarding, classicPlain, classicBoth, nlb] }),
  );

  it('passes an ALB whose HTTP listener redirects to HTTPS and fails one that forwards', () => {
    expect(findingFor(findings, redirecting.arn).status).toBe('pass');
    const plain = findingFor(findings, forwarding.arn);
    expect(plain.status).toBe('fail');
    expect(plain.details?.plainHttpListeners).toBe('HTTP:80');
  });

  it('fails a Classic with HTTP only, passes one that also has HTTPS, and skips NLBs', () => {
    expect(findingFor(findings, classicPlain.arn).status).toBe('fail');
    expect(findingFor(findings, classicBoth.arn).status).toBe('pass');
    expect(findingFor(findings, nlb.arn).status).toBe('not_applicable');
  });
});
