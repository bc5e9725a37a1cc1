using System.Diagnostics;
using System.Text.Json;
using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.OpenApi;

namespace Matchmaking.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(options => JsonDefaults.ConfigureForRequests(JsonDefaults.Configure(options.SerializerOptions)));
        // Swashbuckle reads the MVC options to describe schemas; keep both the same.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));

        // Binding failures throw, so the exception handler answers them as problem+json naming the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            options =>
            {
                options.Limits.MaxRequestBodySize = RequestSizeLimitMiddleware.DefaultLimitBytes;
                options.AddServerHeader = false;
            });

        // Registered before AddProblemDetails so it is the writer chosen (see ProblemJsonWriter).
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<DatabaseOutageLog>();
        services.AddMemoryCache();
        services.AddSingleton<PageCache>();

        // Behind nginx or an ingress: the client's address (per-address rate limits) and scheme come from
        // X-Forwarded-*, trusted from loopback and from ForwardedHeaders:KnownNetworks (CIDRs, comma-separated).
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in (configuration["ForwardedHeaders:KnownNetworks"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddMatchmakingAuthorization();
        services.AddApiKeyRateLimiting(configuration);

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Matchmaking API",
                Version = "v1",
                Description = "Matches UMKM suppliers' capabilities with the procurement needs of BUMN and large buyers in Indonesia.",
            });
            foreach (var xml in Directory.GetFiles(AppContext.BaseDirectory, "Matchmaking.*.xml"))
            {
                options.IncludeXmlComments(xml);
            }

            options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key from POST /api/v1/api-keys (or the bootstrap admin key).",
            });
            options.OperationFilter<SecuritySchemeOperationFilter>();
            options.OperationFilter<IdempotencyOperationFilter>();
            options.OperationFilter<ContractOperationFilter>();
            options.DocumentFilter<ContractDocumentFilter>();
            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<ContractSchemaFilter>();
            options.CustomSchemaIds(SchemaIds.For);
        });
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions options) => JsonDefaults.Configure(options);
}
