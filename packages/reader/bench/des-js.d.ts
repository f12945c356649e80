// des.js ships no types; only what the benchmark calls.
declare module 'des.js' {
  interface Cipher {
    update(data: number[]): number[];
    final(): number[];
  }
  const des: {
    EDE: unknown;
    CBC: {
      instantiate(base: unknown): { create(options: { type: string; key: number[]; iv: number[] }): Cipher };
    };
  };
  export default des;
}
