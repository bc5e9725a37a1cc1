using Matchmaking.Application.Common;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core (request rate and latency per route), HttpClient (webhook
/// deliveries), Npgsql (commands as spans, pool usage as metrics), the .NET runtime, and the project's own
/// meter (<see cref="MatchmakingMetrics"/>). Exported by configuration: a Prometheus scrape endpoint on the
/// management port (<c>Metrics:Port</c>, default 9464; never on the public port, so the proxy does not expose
/// it), and OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OpenTelemetry:OtlpEndpoint</c>) is set.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var prometheus = configuration.GetValue("Metrics:Prometheus", true);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OpenTelemetry:ServiceName"] ?? "matchmaking-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql", MatchmakingMetrics.MeterName);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = new Uri(otlp));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(MatchmakingMetrics.MeterName);
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = new Uri(otlp));
                }
            });
        return services;
    }

    /// <summary><c>GET /metrics</c> in Prometheus' text format, answered only on the management port.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Metrics:Prometheus", true))
        {
            return;
        }

        app.MapPrometheusScrapingEndpoint("/metrics")
            .RequireHost($"*:{app.Configuration.GetValue("Metrics:Port", 9464)}")
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
