using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Remediation.Core;
using Remediation.Core.Compromise;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;
using Remediation.Functions;
using Remediation.Infrastructure.Graph;
using Remediation.Infrastructure.Storage;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The Function App's settings in the compiled template give the app everything its code reads.</summary>
public class AppSettingsTemplateTests
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=";

    /// <summary>Settings the app needs, named from the code: required options and what the template must set.</summary>
    public static TheoryData<string> RequiredSettings()
    {
        var remediation = new[]
        {
            nameof(RemediationOptions.ReportOnly), nameof(RemediationOptions.PhishingAction), nameof(RemediationOptions.MalwareAction),
            nameof(RemediationOptions.SpamAction), nameof(RemediationOptions.MaxMailboxesPerCampaign), nameof(RemediationOptions.MaxUnapprovedMovesPerHour),
            nameof(RemediationOptions.MaxUnapprovedMovesPerMailboxPerHour),
        }.Select(p => OptionsSettings.Key(RemediationOptions.Section, p));
        string[] explicitlyNeeded =
        [
            OptionsSettings.Key(TenantOptions.Section, nameof(TenantOptions.TenantId)),
            OptionsSettings.Key(TenantOptions.Section, nameof(TenantOptions.ClientState)),
            OptionsSettings.Key(TenantOptions.Section, nameof(TenantOptions.AcceptedDomains)) + "__0",
            OptionsSettings.Key(TenantOptions.Section, nameof(TenantOptions.ExchangeDomains)) + "__0",
            OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.NotificationUrl)),
            OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.LifecycleNotificationUrl)),
            OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.FunctionKey)),
            OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.Mailboxes)) + "__1",
            OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.ReconcileSchedule)),
            OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.ResyncWindow)),
            OptionsSettings.Key(DetectionOptions.Section, nameof(DetectionOptions.BlockedSenderDomains)) + "__0",
            OptionsSettings.Key(DetectionOptions.Section, nameof(DetectionOptions.BlockedUrlDomains)) + "__0",
            OptionsSettings.Key(CompromiseOptions.Section, nameof(CompromiseOptions.MaxRevocationsPerHour)),
            OptionsSettings.Key(GraphOptions.Section, nameof(GraphOptions.ClientId)),
            OptionsSettings.Key(GraphOptions.Section, nameof(GraphOptions.ClientSecret)),
            $"{StorageClients.ConnectionName}__queueServiceUri",
            $"{StorageClients.ConnectionName}__tableServiceUri",
        ];
        return [.. OptionsSettings.RequiredWithoutDefault().Concat(explicitlyNeeded).Concat(remediation).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Settings that hold a secret, and the Key Vault secret each must reference.</summary>
    public static TheoryData<string, string> SecretSettings() => new()
    {
        { OptionsSettings.Key(TenantOptions.Section, nameof(TenantOptions.ClientState)), "notification-client-state" },
        { OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.FunctionKey)), "webhook-function-key" },
        { OptionsSettings.Key(GraphOptions.Section, nameof(GraphOptions.ClientSecret)), "graph-client-secret" },
    };

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public async Task AppSettings_SettingTheCodeNeeds_IsSet(string key)
    {
        var settings = await AppSettingsAsync();

        Assert.True(settings.ContainsKey(key), $"{key} is missing; the template sets {string.Join(", ", settings.Keys)}");
    }

    [Theory]
    [MemberData(nameof(SecretSettings))]
    public async Task AppSettings_Secret_IsKeyVaultReferenceToDeployedSecret(string key, string secretName)
    {
        var deployment = await CompiledDeployment.MainAsync();
        var settings = await AppSettingsAsync();
        var secret = Assert.Single(deployment.OfType("Microsoft.KeyVault/vaults/secrets"), s => s.LeafName == secretName);

        var value = ArmValue.Render(settings[key]);

        Assert.StartsWith(KeyVaultReference, value, StringComparison.Ordinal);
        Assert.Contains($"'{secret.Id}'", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_Values_HoldNoSecret()
    {
        var settings = await AppSettingsAsync();

        foreach (var (key, value) in settings)
        {
            foreach (var secret in CompiledDeployment.Secrets)
            {
                Assert.False(ArmValue.Render(value).Contains(secret, StringComparison.Ordinal), $"{key} holds a secret value");
            }
        }
    }

    [Fact]
    public async Task AppSettings_OptionsSectionKeys_BindToTheOptionsClasses()
    {
        var settings = await AppSettingsAsync();

        var problems = settings.Select(s => OptionsSettings.BindingProblem(s.Key, s.Value)).OfType<string>().ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task AppSettings_Values_AreStrings()
    {
        var settings = await AppSettingsAsync();

        Assert.All(settings, s => Assert.True(s.Value is string or ArmUnknown, $"{s.Key} is {ArmValue.Render(s.Value)}, not a string"));
    }

    [Fact]
    public async Task AppSettings_NewDeployment_RunsReportOnly()
    {
        var settings = await AppSettingsAsync();

        var reportOnly = settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.ReportOnly))];

        Assert.True(bool.Parse(Assert.IsType<string>(reportOnly)));
    }

    [Fact]
    public async Task AppSettings_RemediationDefaults_MatchTheCodeDefaults()
    {
        var settings = await AppSettingsAsync();
        var code = new RemediationOptions();

        Assert.Equal(code.PhishingAction.ToString(), settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.PhishingAction))]);
        Assert.Equal(code.MalwareAction.ToString(), settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.MalwareAction))]);
        Assert.Equal(code.SpamAction.ToString(), settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.SpamAction))]);
        Assert.Equal(
            code.MaxMailboxesPerCampaign.ToString(System.Globalization.CultureInfo.InvariantCulture),
            settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.MaxMailboxesPerCampaign))]);
        Assert.Equal(
            code.MaxUnapprovedMovesPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.MaxUnapprovedMovesPerHour))]);
        Assert.Equal(
            code.MaxUnapprovedMovesPerMailboxPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            settings[OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.MaxUnapprovedMovesPerMailboxPerHour))]);
    }

    [Fact]
    public async Task AppSettings_ReportMailboxes_AreIndexedRemediationSettings()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("phish-reports@contoso.example", settings[$"{OptionsSettings.Key(RemediationOptions.Section, nameof(RemediationOptions.ReportMailboxes))}__0"]);
    }

    [Fact]
    public async Task AppSettings_TransportChecksSenders_MatchesTheCodeDefault()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal(
            new TenantOptions().TransportChecksSenders,
            bool.Parse(Assert.IsType<string>(settings[OptionsSettings.Key(TenantOptions.Section, nameof(TenantOptions.TransportChecksSenders))])));
    }

    [Fact]
    public async Task AppSettings_RevocationCap_MatchesTheCodeDefault()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal(
            new CompromiseOptions().MaxRevocationsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            settings[OptionsSettings.Key(CompromiseOptions.Section, nameof(CompromiseOptions.MaxRevocationsPerHour))]);
    }

    [Fact]
    public async Task AppSettings_ResyncDefaults_MatchTheCodeDefaults()
    {
        var settings = await AppSettingsAsync();
        var code = new SubscriptionOptions();

        Assert.Equal(code.ReconcileSchedule, settings[OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.ReconcileSchedule))]);
        Assert.Equal(
            code.ResyncWindow,
            TimeSpan.Parse(Assert.IsType<string>(settings[OptionsSettings.Key(SubscriptionOptions.Section, nameof(SubscriptionOptions.ResyncWindow))]), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A new instance compiles the scan engine optimised as soon as it runs hot, not after the runtime's quiet period.</summary>
    [Fact]
    public async Task AppSettings_Runtime_CompilesHotMethodsWithoutDelay()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("0", settings["DOTNET_TC_CallCountingDelayMs"]);
    }

    /// <summary>The timer functions' <c>%setting%</c> schedules: the Functions host cannot index a function whose setting is missing.</summary>
    [Fact]
    public async Task AppSettings_TimerScheduleSettings_AreSet()
    {
        var settings = await AppSettingsAsync();
        var named = typeof(ReconciliationTimerFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .SelectMany(p => p.GetCustomAttributes<TimerTriggerAttribute>())
            .Where(t => t.Schedule.StartsWith('%'))
            .Select(t => t.Schedule.Trim('%').Replace(":", "__", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, key => Assert.True(settings.ContainsKey(key), $"{key} is missing"));
    }

    [Fact]
    public async Task AppSettings_HostStorage_UsesTheAppIdentity()
    {
        var settings = await AppSettingsAsync();

        Assert.False(settings.ContainsKey(StorageClients.ConnectionName), "a storage connection string needs shared keys");
        Assert.Equal("managedidentity", settings[$"{StorageClients.ConnectionName}__credential"]);
    }

    private static async Task<ArmObject> AppSettingsAsync()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var config = Assert.Single(deployment.OfType("Microsoft.Web/sites/config"), c => c.LeafName == "appsettings");
        return Assert.IsType<ArmObject>(config.Property("properties"));
    }
}
