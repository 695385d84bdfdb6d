import { StepCounter, type WorkMeter } from '../text/workMeter';

/**
 * The steps `work` takes on input of size n and of size 10·n, each counted by its own meter. A
 * linear scanner takes about 10× the steps (12× allows for fixed costs); a quadratic one 100×.
 */
export function stepsAtScale(
  n: number,
  work: (size: number, meter: WorkMeter) => void,
): { small: number; large: number; ratio: number } {
  const count = (size: number): number => {
    const meter = new StepCounter();
    work(size, meter);
    return meter.steps;
  };
  const small = count(n);
  const large = count(10 * n);
  return { small, large, ratio: large / small };
}
