import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { loadBalancer } from '../testing-network.js';
import check, { MODERN_TLS_POLICIES } from './elb-tls-policy-modern.js';

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

  it("judges against the user's accepted list instead of the default", () => {
    const custom = evaluate(
      check,
      fixtureSnapshot({ 'elb.load-balancers': [modern, old, classicOld, classicCustom, plain] }),
      { acceptedPolicies: ['ELBSecurityPolicy-2016-08', 'AWSConsole-SSLNegotiationPolicy-classic-custom-1'] },
    );
    // The default's TLS 1.3 policy is no longer accepted; the older one and the named custom one are.
    expect(findingFor(custom, modern.arn).status).toBe('fail');
    expect(findingFor(custom, modern.arn).message.en).toContain('outside the accepted list');
    expect(findingFor(custom, old.arn).status).toBe('pass');
    expect(findingFor(custom, classicCustom.arn).status).toBe('pass');
    expect(findingFor(custom, classicOld.arn).status).toBe('fail');
  });

  it('trims list items and rejects a list breaking the rule before evaluating', () => {
    const trimmed = evaluate(check, fixtureSnapshot({ 'elb.load-balancers': [old] }), {
      acceptedPolicies: ['  ELBSecurityPolicy-2016-08 '],
    });
    expect(findingFor(trimmed, old.arn).status).toBe('pass');
    const snapshot = fixtureSnapshot({ 'elb.load-balancers': [old] });
    expect(() => evaluate(check, snapshot, { acceptedPolicies: [] })).toThrow(/at least one/);
    expect(() => evaluate(check, snapshot, { acceptedPolicies: ['a b'] })).toThrow(/not allowed/);
    expect(() => evaluate(check, snapshot, { acceptedPolicies: ['x', 'x'] })).toThrow(/twice/);
  });

  it('declares the CHECKS.md policies as the default of its list setting', () => {
    const setting = check.settings.acceptedPolicies;
    expect(setting.kind).toBe('stringList');
    expect(setting.default).toEqual(MODERN_TLS_POLICIES);
    expect(setting.default).toHaveLength(10);
  });
});
