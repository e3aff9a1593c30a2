import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { loadBalancer } from '../testing-network.js';
import check from './elb-tls-policy-modern.js';

const listener = (protocol: string, sslPolicy?: string) => ({
  port: 443,
  protocol,
  sslPolicy,
  defaultActions: [],
});

describe('elb-tls-policy-modern', () => {
  const modern = loadBalancer('modern', 'application', {
    listeners: [listener('HTTPS', 'ELBSecurityPolicy-TLS13-1-2-2021-06')],
  });
  const old = loadBalancer('old', 'network', { listeners: [listener('TLS', 'ELBSecurityPolicy-2016-08')] });
  const classicOld = loadBalancer('classic-old', 'classic', {
    listeners: [listener('SSL', 'ELBSecurityPolicy-2015-05')],
  });
  const classicCustom = loadBalancer('classic-custom', 'classic', {
    listeners: [listener('HTTPS', 'AWSConsole-SSLNegotiationPolicy-classic-custom-1')],
  });
  const plain = loadBalancer('plain', 'application', { listeners: [listener('HTTP')] });
  const findings = evaluate(
    check,
    fixtureSnapshot({ 'elb.load-balancers': [modern, old, classicOld, classicCustom, plain] }),
  );

  it('passes a TLS 1.2-minimum policy and fails older ones on elbv2 and Classic', () => {
    expect(findingFor(findings, modern.arn).status).toBe('pass');
    const weak = findingFor(findings, old.arn);
    expect(weak.status).toBe('fail');
    expect(weak.details?.weakListeners).toBe('TLS:443 ELBSecurityPolicy-2016-08');
    expect(findingFor(findings, classicOld.arn).status).toBe('fail');
  });

  it('is unknown for a Classic custom policy and not applicable without TLS listeners', () => {
    expect(findingFor(findings, classicCustom.arn).status).toBe('unknown');
    expect(findingFor(findings, plain.arn).status).toBe('not_applicable');
  });
});
