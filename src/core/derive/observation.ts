/** What the derivations need of an observed value: its date and number, oldest first. */
export interface Observation {
  date: string;
  value: number;
}
