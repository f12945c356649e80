import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CardData, ResidentRecord } from '../src/index.js';

describe('JSON Schema export', () => {
  it('exports ResidentRecord with its required fields and bilingual descriptions', () => {
    const schema = z.toJSONSchema(ResidentRecord) as {
      required: string[];
      properties: Record<string, { description?: string; pattern?: string }>;
    };
    expect(schema.required).toEqual(['personalId', 'fullName', 'dateOfBirth', 'sex']);
    expect(schema.properties.personalId).toMatchObject({ pattern: '^\\d{12}$' });
    expect(schema.properties.personalId?.description).toMatch(/^Số định danh cá nhân/);
    expect(schema.properties.placeOfOrigin?.description).toMatch(/^Quê quán/);
  });

  it('exports CardData, with the no-expiry null allowed', () => {
    const schema = z.toJSONSchema(CardData) as { properties: Record<string, { anyOf?: unknown[] }> };
    expect(Object.keys(schema.properties)).toContain('cardId');
    expect(JSON.stringify(schema.properties.dateOfExpiry)).toContain('"null"');
  });
});
