import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type Rule, type RuleBody, RuleSchema } from '../shared/api/notify.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import { NotifyError } from './errors.js';

export const MAX_RULES_PER_USER = 50;
const RulesDocument = z.object({ rules: z.array(RuleSchema) });

const notFound = (id: string) => new NotifyError('rule_not_found', `Rule ${id.slice(0, 100)} was not found`);

/** A user's notification rules, one document (users/{u}/notify/rules.json). */
export class RuleStore {
  constructor(
    private readonly documents: DocumentStore,
    private readonly now: () => Date,
  ) {}

  async list(username: string): Promise<Rule[]> {
    return (await this.documents.getJson(keys.notifyRules(username), RulesDocument))?.value.rules ?? [];
  }

  async create(username: string, body: RuleBody): Promise<Rule> {
    const at = this.now().toISOString();
    const rule: Rule = {
      ...body,
      id: `rule-${randomBytes(6).toString('hex')}`,
      createdAt: at,
      updatedAt: at,
    };
    await this.documents.updateJson(keys.notifyRules(username), RulesDocument, (doc) => {
      const rules = doc?.rules ?? [];
      if (rules.length >= MAX_RULES_PER_USER)
        throw new NotifyError('too_many', `At most ${MAX_RULES_PER_USER} rules`);
      return { rules: [...rules, rule] };
    });
    return rule;
  }

  async update(username: string, id: string, body: RuleBody): Promise<Rule> {
    let updated: Rule | undefined;
    await this.documents.updateJson(keys.notifyRules(username), RulesDocument, (doc) => {
      const rules = doc?.rules ?? [];
      const current = rules.find((r) => r.id === id);
      if (!current) throw notFound(id);
      updated = { ...body, id, createdAt: current.createdAt, updatedAt: this.now().toISOString() };
      return { rules: rules.map((r) => (r.id === id ? (updated as Rule) : r)) };
    });
    if (!updated) throw notFound(id);
    return updated;
  }

  async remove(username: string, id: string): Promise<void> {
    await this.documents.updateJson(keys.notifyRules(username), RulesDocument, (doc) => {
      const rules = doc?.rules ?? [];
      if (!rules.some((r) => r.id === id)) throw notFound(id);
      return { rules: rules.filter((r) => r.id !== id) };
    });
  }
}
