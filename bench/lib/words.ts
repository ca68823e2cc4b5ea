/**
 * The vocabulary of the synthetic catalog: areas of a regional health network, the work each
 * area does, and metric templates. Names avoid the vanity words (visits, downloads, …) so the
 * generated catalog does not trip `vanity-suspect` by accident.
 */
export interface Area {
  id: string;
  label: string;
  perspective: string;
  system: string;
  strategy: string;
  subjects: readonly string[];
}

export const AREAS: readonly Area[] = [
  { id: 'access', label: 'Access', perspective: 'customer', system: 'Epic Cadence', strategy: 'Timely access to care', subjects: ['appointment booking', 'referral processing', 'telehealth scheduling', 'mobile clinic routing', 'call centre triage', 'new patient intake', 'interpreter booking', 'same-day scheduling', 'waitlist management', 'patient registration'] },
  { id: 'clinical-quality', label: 'Clinical quality', perspective: 'internal-process', system: 'Epic Clarity', strategy: 'Better outcomes for chronic conditions', subjects: ['diabetes follow-up', 'hypertension recheck', 'cancer screening outreach', 'prenatal care', 'medication reconciliation', 'care plan review', 'depression screening', 'immunisation recall', 'discharge follow-up', 'chronic pain review'] },
  { id: 'finance', label: 'Finance', perspective: 'financial', system: 'Workday Financials', strategy: 'Sustainable finances', subjects: ['claims submission', 'eligibility verification', 'patient billing', 'grant reporting', 'procurement', 'payroll processing', 'month-end close', 'denial management', 'prior authorisation', 'vendor payment'] },
  { id: 'workforce', label: 'Workforce', perspective: 'learning-growth', system: 'Workday HCM', strategy: 'A great place to work', subjects: ['recruitment', 'new hire onboarding', 'credentialing', 'mandatory training', 'shift scheduling', 'stay interview', 'performance review', 'exit interview', 'float pool staffing', 'mentoring'] },
  { id: 'operations', label: 'Operations', perspective: 'internal-process', system: 'ServiceNow Operations', strategy: 'Efficient, reliable operations', subjects: ['room turnover', 'supply restocking', 'lab specimen transport', 'patient transport', 'document scanning', 'front desk check-in', 'courier delivery', 'equipment maintenance', 'linen service', 'records request'] },
  { id: 'digital', label: 'Digital', perspective: 'internal-process', system: 'ServiceNow ITSM', strategy: 'Dependable digital services', subjects: ['help desk ticket', 'system access request', 'patient portal enrolment', 'interface monitoring', 'device replacement', 'software patching', 'data request', 'report automation', 'identity verification', 'backup restore test'] },
  { id: 'community', label: 'Community', perspective: 'customer', system: 'Salesforce Health Cloud', strategy: 'Healthier communities', subjects: ['school sealant outreach', 'health fair screening', 'food pantry referral', 'housing referral', 'community health worker outreach', 'transport voucher', 'smoking cessation outreach', 'parenting class enrolment', 'senior wellness check', 'vaccine outreach'] },
  { id: 'safety', label: 'Safety', perspective: 'internal-process', system: 'RLDatix', strategy: 'Zero avoidable harm', subjects: ['incident reporting', 'fall prevention rounding', 'hand hygiene audit', 'infection surveillance', 'safety huddle', 'medication error review', 'workplace violence reporting', 'fire drill', 'sharps injury follow-up', 'patient identification check'] },
  { id: 'pharmacy', label: 'Pharmacy', perspective: 'internal-process', system: 'Epic Willow', strategy: 'Safe, affordable medicines', subjects: ['prescription refill', 'medication delivery', 'formulary review', 'controlled substance reconciliation', 'pharmacist consult', '340B audit', 'inventory count', 'compounding', 'prescription transfer', 'adherence call'] },
  { id: 'facilities', label: 'Facilities', perspective: 'internal-process', system: 'IBM Maximo', strategy: 'Safe, sustainable buildings', subjects: ['work order', 'preventive maintenance', 'energy monitoring', 'space planning', 'security patrol', 'parking management', 'waste management', 'elevator inspection', 'HVAC servicing', 'cleaning inspection'] },
];

export const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Valley', 'Metro', 'Lakeside', 'Highland', 'Riverside', 'Eastgate', 'Westbrook', 'Northfield', 'Southport', 'Midtown'] as const;

export const FIRST_NAMES = ['Ana', 'Ben', 'Chen', 'Dana', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jon', 'Kofi', 'Lena', 'Marta', 'Nikhil', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe', 'Aiden', 'Bea', 'Carlos', 'Dmitri', 'Esther'] as const;
export const LAST_NAMES = ['Adeyemi', 'Brown', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen', 'Kowalski', 'Lima', 'Moreau', 'Nguyen', 'Okafor', 'Park', 'Quinlan', 'Raman', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Whitfield', 'Xu', 'Yilmaz', 'Zhang', 'Abbott', 'Bianchi', 'Cruz', 'Dalton'] as const;

export const DEPARTMENT_GOALS = ['Reliable', 'Faster', 'Lower-cost', 'Consistent', 'Patient-centred'] as const;
export const TEAM_GOALS = ['Clear the backlog in', 'Standard work for', 'Right-size staffing for', 'Cut rework in'] as const;
export const INDIVIDUAL_GOALS = ['Own the checklist for', 'Coach the team on', 'Run a weekly review of', 'Automate a step of'] as const;
export const INITIATIVE_VERBS = ['Redesign', 'Automate', 'Standardise', 'Pilot a new model for', 'Consolidate'] as const;
export const GAMING = [
  'Closing cases early and reopening them as new ones would improve it without any real change.',
  'Leaving hard cases out of the count would flatter it while the people with the most need wait longer.',
  'Recording the date of the first touch instead of the real completion would make it look better than it is.',
] as const;

/** A value scale: where a metric starts, how much better its target is, and how it is written. */
export interface Scale {
  start: readonly [number, number];
  /** Relative improvement of the target over the start (up or down metrics). */
  improve: number;
  /** The band to stay in (range metrics). */
  band?: readonly [number, number];
  cap?: number;
  decimals: number;
}

export interface MetricTemplate {
  indicator: 'leading' | 'lagging';
  measures: 'outcome' | 'activity';
  unit: string;
  direction: 'up' | 'down' | 'range';
  scale: Scale;
  name: (subject: string) => string;
  description: (subject: string, region: string) => string;
  formula: (subject: string) => string;
  why: (subject: string) => string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const LAGGING: readonly MetricTemplate[] = [
  { indicator: 'lagging', measures: 'outcome', unit: 'percent', direction: 'up', scale: { start: [55, 85], improve: 0.12, cap: 98, decimals: 1 }, name: (s) => `${cap(s)} completed within standard`, description: (s, r) => `Share of ${s} cases in the ${r} region completed within the agreed service standard in the month.`, formula: (s) => `${s} cases closed within the standard divided by all ${s} cases closed in the month, times 100`, why: (s) => `it is what patients and staff experience when ${s} works, or does not.` },
  { indicator: 'lagging', measures: 'outcome', unit: 'days', direction: 'down', scale: { start: [5, 30], improve: 0.3, decimals: 1 }, name: (s) => `${cap(s)} turnaround time`, description: (s, r) => `Median calendar days from request to completion for ${s} in the ${r} region.`, formula: (s) => `median over ${s} cases closed in the month of (completion date minus request date), in days`, why: (s) => `every extra day of ${s} is a day someone waits for care or for an answer.` },
  { indicator: 'lagging', measures: 'outcome', unit: 'USD', direction: 'down', scale: { start: [120, 900], improve: 0.1, decimals: 0 }, name: (s) => `${cap(s)} cost per case`, description: (s, r) => `Fully loaded cost of one completed ${s} case in the ${r} region.`, formula: (s) => `direct and allocated cost of ${s} in the month divided by completed ${s} cases`, why: (s) => `money saved on ${s} is money spent on care.` },
  { indicator: 'lagging', measures: 'outcome', unit: 'score', direction: 'up', scale: { start: [3.3, 4.2], improve: 0.08, cap: 4.9, decimals: 2 }, name: (s) => `${cap(s)} satisfaction score`, description: (s, r) => `Mean rating of ${s} on the 1 to 5 post-service survey in the ${r} region.`, formula: (s) => `mean of the 1 to 5 survey ratings for ${s} returned in the month`, why: (s) => `the people who rely on ${s} are the best judges of whether it serves them.` },
  { indicator: 'lagging', measures: 'outcome', unit: 'percent', direction: 'down', scale: { start: [2, 12], improve: 0.4, decimals: 1 }, name: (s) => `${cap(s)} error rate`, description: (s, r) => `Share of completed ${s} cases in the ${r} region found with an error on audit.`, formula: (s) => `audited ${s} cases with at least one error divided by all audited ${s} cases, times 100`, why: (s) => `errors in ${s} come back as rework, complaints and, at worst, harm.` },
  { indicator: 'lagging', measures: 'outcome', unit: 'percent', direction: 'range', scale: { start: [68, 92], improve: 0, band: [75, 85], decimals: 1 }, name: (s) => `${cap(s)} capacity utilisation`, description: (s, r) => `Share of available ${s} capacity in the ${r} region in use, averaged over the month.`, formula: (s) => `booked ${s} hours divided by available ${s} hours in the month, times 100`, why: (s) => `too little use of ${s} capacity wastes money and too much burns people out.` },
];

export const LEADING: readonly MetricTemplate[] = [
  { indicator: 'leading', measures: 'outcome', unit: 'count', direction: 'down', scale: { start: [40, 600], improve: 0.35, decimals: 0 }, name: (s) => `${cap(s)} backlog`, description: (s, r) => `Open ${s} cases in the ${r} region older than five working days at month end.`, formula: (s) => `count of open ${s} cases with age over 5 working days, at 23:59 on the last day of the month`, why: (s) => `a growing ${s} backlog shows up as longer waits a few weeks later.` },
  { indicator: 'leading', measures: 'activity', unit: 'percent', direction: 'up', scale: { start: [60, 90], improve: 0.1, cap: 99, decimals: 1 }, name: (s) => `${cap(s)} checklist compliance`, description: (s, r) => `Share of audited ${s} cases in the ${r} region where every checklist step was recorded.`, formula: (s) => `audited ${s} cases with all checklist steps recorded divided by all audited ${s} cases, times 100`, why: (s) => `skipped steps in ${s} are where errors start.` },
  { indicator: 'leading', measures: 'outcome', unit: 'percent', direction: 'up', scale: { start: [50, 80], improve: 0.12, cap: 95, decimals: 1 }, name: (s) => `${cap(s)} first-contact resolution`, description: (s, r) => `Share of ${s} requests in the ${r} region resolved at the first contact.`, formula: (s) => `${s} requests closed at the first contact divided by all ${s} requests closed in the month, times 100`, why: (s) => `each handover in ${s} adds delay and a chance to drop the request.` },
  { indicator: 'leading', measures: 'outcome', unit: 'hours', direction: 'down', scale: { start: [4, 48], improve: 0.4, decimals: 1 }, name: (s) => `${cap(s)} queue wait`, description: (s, r) => `Mean hours a ${s} request in the ${r} region waits before someone picks it up.`, formula: (s) => `mean over ${s} requests received in the month of (first assignment time minus received time), in hours`, why: (s) => `time in the ${s} queue is the first part of every delay.` },
  { indicator: 'leading', measures: 'outcome', unit: 'ratio', direction: 'up', scale: { start: [0.75, 0.98], improve: 0.1, cap: 1.2, decimals: 2 }, name: (s) => `${cap(s)} staff coverage ratio`, description: (s, r) => `Scheduled ${s} staff hours in the ${r} region divided by the hours the demand forecast needs.`, formula: (s) => `scheduled ${s} staff hours for the month divided by forecast required hours`, why: (s) => `when ${s} is short-staffed, queues grow before anything else shows it.` },
  { indicator: 'leading', measures: 'activity', unit: 'count', direction: 'up', scale: { start: [20, 400], improve: 0.15, decimals: 0 }, name: (s) => `${cap(s)} weekly throughput`, description: (s, r) => `Completed ${s} cases per week in the ${r} region, averaged over the month.`, formula: (s) => `completed ${s} cases in the month divided by the weeks in the month`, why: (s) => `throughput is the capacity that keeps the ${s} backlog from growing.` },
];
