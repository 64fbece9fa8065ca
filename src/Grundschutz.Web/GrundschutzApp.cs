using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Grundschutz.Infrastructure;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Api;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web;

/// <summary>Builds the web application; shared by the server and the CLI verbs.</summary>
public static class GrundschutzApp
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The tag of the health checks behind <c>/health</c> (readiness).</summary>
    private const string ReadyTag = "ready";

    /// <summary>The HTML encoder of the pages: Latin letters (with umlauts and ß), general punctuation and currency signs unencoded.</summary>
    public static readonly HtmlEncoder PageEncoder = HtmlEncoder.Create(
        UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.GeneralPunctuation, UnicodeRanges.CurrencySymbols);

    /// <param name="args">Command-line arguments (configuration overrides).</param>
    /// <param name="configure">Changes to the builder before the services are registered.</param>
    /// <param name="cli">
    /// For a CLI verb: the start-up check leaves out the folders only the server uses (report templates, help documents,
    /// evidence and key folders), which a verb run from another working directory would not find.
    /// </param>
    /// <exception cref="StartupException">A setting is wrong (<see cref="ConfigurationCheck"/>).</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, bool cli = false)
    {
        // The application name anchors Razor Pages discovery to this assembly, also when another entry assembly
        // (benchmarks, tools) hosts the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(GrundschutzApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        // First: a wrong setting stops the start here with one message naming it.
        ConfigurationCheck.ThrowIfInvalid(builder.Configuration, builder.Environment.ContentRootPath, serverFolders: !cli);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGrundschutzInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddOptions<StartupOptions>().Bind(builder.Configuration.GetSection(StartupOptions.SectionName));
        services.AddOptions<UploadOptions>().Bind(builder.Configuration.GetSection(UploadOptions.SectionName));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // German pages: umlauts, ß, typographic quotes and dashes, € are written as they are instead of as character
        // references (&#xE4; …). The encoder still encodes < > & " ' and everything outside these ranges.
        services.AddSingleton(PageEncoder);
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", AuthorizationPolicies.Administrator);
                o.Conventions.AllowAnonymousToFolder("/Account");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<UnknownHandlerFilter>();
                o.Filters.Add<MustChangePasswordFilter>();
                o.ModelBinderProviders.Insert(0, new PlainTextModelBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<GrundschutzDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<GermanIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        // Outside Development cookies are Secure only (the app runs behind TLS); `dotnet run` on http://localhost
        // needs SameAsRequest, since anti-forgery refuses to issue a Secure-only cookie over plain HTTP.
        var cookieSecurity = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "grundschutz.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookieSecurity;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = SessionTimeout.Length(builder.Configuration);
            ApiAuthentication.AnswerApiWithStatusCodes(o.Events);
            SessionTimeout.SayWhenEnded(o.Events);
            OverlongReturnUrl.Drop(o.Events, Pages.CultureModel.MaxReturnUrlLength);
            SecurityStampCheck.OnlyWhenDue(o.Events);
            SessionTimeout.NoRenewalOnStatus(o.Events);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "grundschutz.af";
            o.Cookie.SecurePolicy = cookieSecurity;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        // Role, municipality or lock changes by an administrator reach open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Login attempts per client address and minute (brute force); lockout per account comes on top.
        var loginLimit = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.Login, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Security")
                    .LogWarning("Security: login rate limit hit from {Ip}", context.HttpContext.Connection.RemoteIpAddress);
                return ValueTask.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Administrator, p => p.RequireRole(Roles.Administrator));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(German);
            o.SupportedCultures = [German, English];
            o.SupportedUICultures = [German, English];
            // German first: only an explicit choice (query or cookie) switches to English.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // Requests in work at once (Server:MaxConcurrentRequests); read here so that a wrong value stops the start.
        var concurrency = builder.Configuration.GetSection(RequestConcurrencyOptions.SectionName);
        (concurrency.Get<RequestConcurrencyOptions>() ?? new RequestConcurrencyOptions()).Validate();
        services.Configure<RequestConcurrencyOptions>(concurrency);
        services.AddSingleton<RequestGate>();

        // Client address and scheme from the reverse proxy's headers – only from proxies configured as trusted
        // (ReverseProxy:KnownProxies/KnownNetworks; loopback always). Read here so that a wrong entry stops the start.
        var (proxies, networks) = (builder.Configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions()).Parse();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddScoped<StartupSeeder>();
        services.AddSingleton<SqliteInUseLock>();
        // /health for load balancers (database reachable), /health/live for a process check; see ConfigurePipeline.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddOpenApi();
        services.AddSingleton<Grundschutz.Infrastructure.Assessments.CatalogContextCache>();
        services.AddSingleton(_ => new Grundschutz.Infrastructure.Assessments.QuestionnaireCache());
        services.AddEvidenceStore(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddEvidencePackages(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());

        // Every request body is bounded before it is read; each upload type checks its own file limit on top.
        var maxRequest = builder.Configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>()?.MaxRequestBytes ?? new UploadOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxRequest);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxRequest);

        // Keys for cookies and anti-forgery survive restarts (a shared folder when several instances run).
        var keysDirectory = builder.Configuration["DataProtection:KeysDirectory"];
        keysDirectory = string.IsNullOrWhiteSpace(keysDirectory) ? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys") : keysDirectory;
        services.AddDataProtection().SetApplicationName("Grundschutz").PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseMiddleware<ServerTimingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Health probes of a load balancer or orchestrator: anonymous, plain „Healthy“ (200) or „Unhealthy“ (503) without
        // details, never cached, and answered before the request limit (RequestGate) so that a busy instance is not
        // taken for a dead one. /health checks the database, /health/live only that the process answers.
        app.UseHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.UseHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Pages get the HTML status page; the JSON API gets problem+json (ApiProblems).
        app.UseWhen(c => !ApiAuthentication.IsApiRequest(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseWhen(c => ApiAuthentication.IsApiRequest(c.Request), api => api.UseStatusCodePages(ApiProblems.WriteStatusCodeAsync));
        app.UseStaticFiles();
        app.UseMiddleware<RequestGate>();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapOpenApi();
        app.MapScoreEndpoints();
        app.MapOscalEndpoints();
    }

    /// <summary>Migrates the database, creates the first administrator and imports configured catalogues.</summary>
    public static Task InitializeAsync(WebApplication app, CancellationToken cancellationToken = default) =>
        InitializeAsync(app.Services, cancellationToken);

    /// <summary>Same as <see cref="InitializeAsync(WebApplication, CancellationToken)"/>, for test hosts.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite
            && scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Database.GetConnectionString() is { } sqlite
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite) is { Mode: not Microsoft.Data.Sqlite.SqliteOpenMode.Memory, DataSource: not (":memory:" or "") })
        {
            var file = SqliteBackup.DatabasePath(sqlite);
            // For as long as this server runs (the singleton is disposed with the app): `restore` refuses meanwhile.
            await services.GetRequiredService<SqliteInUseLock>().HoldAsync(file, cancellationToken);
        }

        var seeder = scope.ServiceProvider.GetRequiredService<StartupSeeder>();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seeder.SeedAsync, cancellationToken);
    }
}
