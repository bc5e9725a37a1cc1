using System.Globalization;
using Matchmaking.Application.Matching;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matchmaking.Benchmarks;

/// <summary>Prints the SQL EF Core sends for a need's candidate query, with parameters inlined, so psql can time it bare.</summary>
public static class CandidateSql
{
    public static async Task<string> ForNeedAsync(string connectionString, Guid needId)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new ApplicationDbContext(options);
        var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        await using var command = CandidateQuery.For(db, need).Select(s => s.Id).CreateDbCommand();
        var sql = command.CommandText;
        foreach (NpgsqlParameter parameter in command.Parameters.Cast<NpgsqlParameter>().OrderByDescending(p => p.ParameterName.Length))
        {
            sql = sql.Replace(parameter.ParameterName, Literal(parameter.Value), StringComparison.Ordinal);
        }

        return sql + ";";
    }

    private static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateOnly d => "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => "'" + value + "'",
    };
}
