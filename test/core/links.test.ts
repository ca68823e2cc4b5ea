import { describe, expect, it } from 'vitest';
import { httpUrl } from '../../src/core/schemas/common.ts';

describe('links in a catalog', () => {
  it.each(['https://reports.example.org/tna', 'http://grafana/d/abc', 'http://10.0.0.5:3000/report', 'http://localhost:8080/x', 'https://[::1]/x'])('accepts %s: intranet hosts are real sources', (url) => {
    expect(httpUrl.safeParse(url).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'ftp://files.example.org/x', 'file:///etc/passwd', 'https://', 'reports.example.org'])('refuses %s', (url) => {
    expect(httpUrl.safeParse(url).success).toBe(false);
  });
});
