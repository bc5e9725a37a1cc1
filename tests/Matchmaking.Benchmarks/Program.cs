using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Matchmaking.Application.Common.Json;
using Matchmaking.Benchmarks;

// generate-suppliers N [seed]   NDJSON suppliers on stdout (for POST /api/v1/suppliers/import)
// generate-needs N BUYER_ID [seed]   NDJSON needs on stdout (for POST /api/v1/needs, one per line)
// copy-floor CONNECTION N   raw binary COPY of the same synthetic rows into the same tables (the import's floor)
// candidate-sql CONNECTION NEED_ID [--whole-reach | --touch-floor]   the ranking statements the matcher sends for a need, runnable in psql
//   (the bare SQL floor); with --whole-reach, the one statement over the whole near-miss reach that every need was ranked by before the
//   index; with --touch-floor, a count of the rows its first statement reads, through the same index or scan, nothing scored
// soak URL KEY [CLIENTS] [SECONDS] [DB_DOWN_SECONDS]   mixed load with outcomes (deploy/bench/soak.sh)
// scoring   BenchmarkDotNet run of the scoring code
var today = DateOnly.FromDateTime(DateTime.UtcNow);
switch (args.FirstOrDefault())
{
    case "generate-suppliers":
        {
            var population = new SyntheticPopulation(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42);
            await using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16);
            foreach (var supplier in population.Suppliers(int.Parse(args[1], CultureInfo.InvariantCulture), today))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(supplier, JsonDefaults.Options));
            }

            return 0;
        }

    case "generate-needs":
        {
            var population = new SyntheticPopulation(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 7);
            foreach (var need in population.Needs(int.Parse(args[1], CultureInfo.InvariantCulture), Guid.Parse(args[2]), today))
            {
                Console.WriteLine(JsonSerializer.Serialize(need, JsonDefaults.Options));
            }

            return 0;
        }

    case "copy-floor":
        // copy-floor CONNECTION N   raw binary COPY of the same N rows into the same tables (deploy/bench/import.sh)
        return await CopyFloor.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));

    case "candidate-sql":
        Console.WriteLine(await CandidateSql.ForNeedAsync(args[1], Guid.Parse(args[2]), args.Contains("--whole-reach"), args.Contains("--touch-floor")));
        return 0;

    case "soak":
        // soak URL KEY [CLIENTS] [SECONDS] [DATABASE_DOWN_SECONDS]
        return await Soak.RunAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200,
            args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 60, args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0);

    case "scoring":
        BenchmarkRunner.Run<ScoringBenchmarks>(args: args.Skip(1).ToArray());
        return 0;

    default:
        Console.Error.WriteLine("usage: generate-suppliers N [seed] | generate-needs N BUYER_ID [seed] | scoring");
        return 2;
}
