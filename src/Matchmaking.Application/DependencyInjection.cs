using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Behaviors;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        // MediatR 5.1.0 has no DI package: register its factory and mediator by hand, handlers by one scan.
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblyOf<ApplicationAssembly>()
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)))
            .AsImplementedInterfaces()
            .WithScopedLifetime());

        // Behaviors run in registration order: timing wraps validation wraps the handler.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TimingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        services.AddValidatorsFromAssemblyContaining<ApplicationAssembly>(ServiceLifetime.Singleton, includeInternalTypes: false);
        // Messages name fields as clients spell them ('provinceCode', not 'Province Code').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], typeof(ApplicationAssembly).Assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MatchmakingMetrics>();
        services.AddSingleton(Webhooks.WebhookOptions.From(configuration));
        return services;
    }
}

/// <summary>Marker for assembly scans.</summary>
public sealed class ApplicationAssembly;
