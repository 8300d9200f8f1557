// The core flows through a typescript-fetch client generated from the running service's description
// (bench/clients.sh generates, compiles and runs this). Node 18+ (global fetch).
import {
  Configuration, ForecastsApi, ForecastJobsApi, SalesStatisticsApi, ResponseError,
  JobViewFromJSON, ProblemDetailFromJSON, ForecastViewEnum,
} from './client';

// The two members of Node's process used here, declared instead of installing @types/node.
declare const process: { argv: string[]; exit(code: number): never };

const basePath = process.argv[2];
const key = process.argv[3];
// typescript-fetch sends no Accept of its own (fetch sends */*), for which the service answers CSV, its
// default; so the client asks for JSON once, for every call.
const config = new Configuration({ basePath, apiKey: key, headers: { Accept: 'application/json' } });
const forecasts = new ForecastsApi(config);
const jobs = new ForecastJobsApi(config);
const statistics = new SalesStatisticsApi(config);

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error('failed: ' + what);
  }
  console.log('ok   ' + what);
}

const product = {
  productId: 'SKU-1', sellStartDate: '2024-01-01', initialInventory: 50, salesRate: 10,
  restockingRate: 8, durationDays: 5,
};

async function main(): Promise<void> {
  const rows = await forecasts.forecast({ product: [product] });
  check(rows.length === 5 && rows[4].inventoryLevel === 40, 'JSON products answered as typed JSON rows');

  const summary = await forecasts.forecast({ product: [product], view: ForecastViewEnum.Summary });
  check(summary[0].productId === 'SKU-1' && summary[0].stockoutDate == null, 'view=summary as typed records');

  // 202 and its JobView: the Raw method leaves the body to the caller, so a second answer type is readable.
  const raw = await forecasts.forecastRaw({ product: [product], prefer: 'respond-async' });
  check(raw.raw.status === 202 && raw.raw.headers.get('Location') !== null, 'Prefer: respond-async answered 202 with Location');
  const job = JobViewFromJSON(await raw.raw.json());
  let view = await jobs.getForecastJob({ id: job.id });
  for (let i = 0; i < 600 && view.status !== 'succeeded'; i++) {
    check(view.status !== 'failed' && view.status !== 'cancelled', 'job still alive');
    await new Promise((resolve) => setTimeout(resolve, 200));
    view = await jobs.getForecastJob({ id: job.id });
  }
  check(view.status === 'succeeded', 'job polled until succeeded');
  const page = await jobs.getForecastJobRows({ id: job.id, limit: 3 });
  check(page.length === 3 && page[2].inventoryLevel === 44, 'job rows fetched as typed rows');

  const stats = await statistics.computeSalesStatistics({
    sale: [{ productId: 'A', date: '2024-03-01', units: 4 }, { productId: 'A', date: '2024-03-02', units: 6 }],
  });
  check(stats[0].mean === 5 && stats[0].count === 2, 'sales statistics as typed records');

  try {
    await forecasts.forecast({ product: [{ ...product, salesRate: -1 }] });
    check(false, 'a bad request is refused');
  } catch (e) {
    check(e instanceof ResponseError && e.response.status === 400, 'a bad request is refused with 400');
    const problem = ProblemDetailFromJSON(await (e as ResponseError).response.json());
    check(problem.type === 'urn:stockcast:problem:invalid-input' && problem.errors![0].column === 'sales_rate',
      'the problem is typed and names the column');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
