using Matchmaking.Application.Common;
using Matchmaking.Infrastructure.Demo;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Matchmaking";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings__{ConnectionStringName}.");

        services.AddDbContext<ApplicationDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());
        services.AddSingleton(ReferenceDataLoader.Load());
        services.AddScoped<DemoDataSeeder>();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("postgresql", tags: ["ready"]);
        return services;
    }
}
