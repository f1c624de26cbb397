metadata description = 'Action group and log search alert rules on the custom events the pipeline emits (AppEvents, see PipelineEvents.cs).'

@description('Prefix of the action group and alert rule names.')
param namePrefix string

@description('Azure region of the alert rules (the workspace\'s region).')
param location string

@description('Resource id of the Log Analytics workspace behind Application Insights.')
param workspaceResourceId string

@description('Email addresses notified of every alert.')
param alertEmailAddresses string[]

@description('HTTPS webhook (SOAR, chat, ticketing) notified of every alert with the common alert schema; empty for none.')
@secure()
param alertWebhookUrl string

@description('Notifications or requests the webhook refuses in 5 minutes above which the spike alert fires.')
@minValue(1)
param webhookRejectThreshold int

@description('Tags applied to every resource.')
param tags object

// Rules run every 5 minutes over the last 15 minutes of event time, but count only rows ingested in the last
// 5 minutes: an event delayed by ingestion (up to 10 minutes) is still seen, and no event is counted by two runs.
var evaluationFrequency = 'PT5M'
var windowSize = 'PT15M'
var freshRows = '| where ingestion_time() > ago(5m)'

// The SOC's levers on a campaign are admin-level functions that only the master key opens
// (az functionapp keys list -g <rg> -n <app> --query masterKey -o tsv), called directly or with the CLI.
var adminKeyHowTo = 'with the master key (x-functions-key header; for the CLI in REMEDIATION_ADMIN_KEY)'
var restoreHowTo = 'remediation restore --url https://<app> --campaign <CampaignId> [--mailbox <MailboxId> [--message <MessageId>]], or POST https://<app>/api/campaigns/<CampaignId>/restore[?mailbox=<MailboxId>&message=<MessageId>] ${adminKeyHowTo}, puts the remediated copies back in their original folders; restoring a whole campaign also releases it.'

// One entry per event in PipelineEvents.Alerting (the infrastructure tests compare the two lists).
var eventAlerts = [
  {
    eventName: 'MessageRemediated'
    displayName: 'Malicious message remediated'
    severity: 2
    threshold: 0
    measure: ''
    extend: '| extend CampaignId = tostring(Properties.CampaignId)'
    dimensions: ['CampaignId']
    description: 'Copies of a malicious campaign were remediated (one alert per CampaignId): moved to the hidden quarantine folder, moved to Junk Email or soft-deleted, as Remediation__PhishingAction / MalwareAction / SpamAction set for its category. Outcome ReportOnly means Remediation__ReportOnly is on and nothing was moved. Look at the campaign\'s events (MailboxId, MessageId, Rules, Outcome, SecondsSinceNotified), confirm the verdict, tell the recipients and look for clicks or replies. False positive: ${restoreHowTo} Then fix the rule or list that fired.'
  }
  {
    eventName: 'CampaignHeld'
    displayName: 'Campaign held by the blast-radius guard'
    severity: 1
    threshold: 0
    measure: ''
    extend: '| extend CampaignId = tostring(Properties.CampaignId)'
    dimensions: ['CampaignId']
    description: 'A malicious campaign reaches more mailboxes than Remediation__MaxMailboxesPerCampaign, or scored below Remediation__MinimumScoreToAct, and was held: nothing was moved and its copies are still in the recipients\' mailboxes. Review it now (CampaignId, Category, Score, Rules, Count = mailboxes reached, Reason). If the verdict holds: remediation approve --url https://<app> --campaign <CampaignId>, or POST https://<app>/api/campaigns/<CampaignId>/approve ${adminKeyHowTo}; every copy is then remediated. If it is a false positive: release it with remediation restore (or POST .../restore) and add its Fingerprint to Detection__AllowedFingerprints (allowedFingerprints parameter). Every minute it waits, recipients can open it.'
  }
  {
    eventName: 'CopyMismatch'
    displayName: 'Message-ID reused with other content'
    severity: 2
    threshold: 0
    measure: ''
    extend: '| extend CampaignId = tostring(Properties.CampaignId)'
    dimensions: ['CampaignId']
    description: 'A message in a recipient\'s mailbox carries the Message-ID of a malicious campaign but not its content (Fingerprint differs), so it was left where it was. The sender chose that Message-ID, perhaps to make the pipeline quarantine a real thread. Look at the message (MailboxId, MessageId, InternetMessageId): if it is legitimate, nothing is needed; if it is another malicious variant, it is judged on its own when scanned. Several such events for one campaign mean someone is probing the remediation path.'
  }
  {
    eventName: 'RemediationFailed'
    displayName: 'Remediation failed in a mailbox'
    severity: 2
    threshold: 0
    measure: ''
    extend: '| extend MailboxId = tostring(Properties.MailboxId)'
    dimensions: ['MailboxId']
    description: 'A copy of a malicious message could not be remediated in a mailbox (one event per attempt): it may still be there. Check Outcome (the error) with CampaignId and MessageId: a mailbox outside the Exchange RBAC management scope (access denied), persistent throttling, or a Graph outage. The queue retries the job; after the last attempt it waits in remediation-jobs-poison (PoisonMessage alert). Fix the cause and move the job back to remediation-jobs (replaying is safe: copies already done are skipped), or remove the message by hand (Purview content search and purge).'
  }
  {
    eventName: 'PoisonMessage'
    displayName: 'Work item moved to a poison queue'
    severity: 1
    threshold: 0
    measure: ''
    extend: '| extend Queue = tostring(Properties.Queue)'
    dimensions: ['Queue']
    description: 'Messages that failed every attempt wait in the poison queue named by Queue (Count = how many); the check runs every 5 minutes and fires again while any wait. A notification was not scanned, a campaign not resolved, a remediation job not carried out or a lifecycle event not handled. Find the cause in the exceptions and traces of the failing function, fix it, then move the messages back to their queue (the name without -poison) with Storage Explorer or az storage message commands (--auth-mode login; your identity needs Storage Queue Data Contributor). Every stage is idempotent, so a replay is safe. Nothing is lost while they wait, but nothing happens to them either.'
  }
  {
    eventName: 'SubscriptionRenewalFailed'
    displayName: 'Graph subscription not created or renewed'
    severity: 2
    threshold: 0
    measure: ''
    extend: '| extend MailboxId = tostring(Properties.MailboxId)'
    dimensions: ['MailboxId']
    description: 'A mailbox\'s Microsoft Graph subscription could not be created or renewed: new mail in that mailbox is not scanned until it is. Check Reason: a missing Graph permission or a mailbox outside the management scope (403), the notification URL failing the validation handshake (app stopped, wrong host key), or the per-mailbox subscription limit. The subscription timer retries every 30 minutes; once it succeeds the pipeline resynchronises the mailbox with delta queries.'
  }
  {
    eventName: 'MessageUnscannable'
    displayName: 'Message could not be scanned'
    severity: 3
    threshold: 0
    measure: ''
    extend: ''
    dimensions: []
    description: 'A message could not be parsed or scanned within the limits and received no verdict, so it was neither remediated nor cleared. Review it by hand (MailboxId, MessageId, Reason). Several from one sender suggest a deliberate evasion attempt with malformed or oversized content; add the sender or link domain to the blocked lists if it is malicious.'
  }
  {
    eventName: 'WebhookRejected'
    displayName: 'Spike of rejected webhook requests'
    severity: 2
    threshold: webhookRejectThreshold
    // One event per refused request or per partly rejected batch; Count is the number of notifications refused.
    measure: 'Rejected'
    extend: '| extend Rejected = coalesce(toint(Properties.Count), 1)'
    dimensions: []
    description: 'The notification webhook refused more than ${webhookRejectThreshold} requests or notifications in 5 minutes (wrong clientState, foreign tenant, malformed or oversized body). Check Reason: if the client state was rotated in Key Vault, recreate the Graph subscriptions so they carry the new value (until then genuine notifications are lost); otherwise someone holding the function key is probing the endpoint, so look at the callers\' addresses in the request telemetry and rotate the webhook-function-key secret and host key together.'
  }
  {
    eventName: 'MailboxCompromised'
    displayName: 'Mailbox likely compromised'
    severity: 1
    threshold: 0
    measure: ''
    extend: '| extend MailboxId = tostring(Properties.MailboxId)'
    dimensions: ['MailboxId']
    description: 'Malicious mail was placed into this mailbox without passing the tenant\'s transport (typically appended over IMAP with the user\'s password), repeatedly or in a wave across mailboxes: someone else likely holds the credentials. The messages themselves were handled as a campaign. Look at MailboxId, Messages, CampaignId, FirstSeen, LastSeen and Response (RevokeSessions: the revoke of the sign-in sessions is queued and retried, and one that keeps failing waits in session-revocations-poison with a PoisonMessage alert; AlertOnly (revocation cap reached): the hourly cap held it back, revoke by hand). Now: reset the user\'s password and revoke their sessions; disable IMAP and POP for the mailbox (Set-CASMailbox <user> -ImapEnabled $false -PopEnabled $false); review the Entra sign-in logs between FirstSeen and LastSeen for IMAP and other legacy-protocol sign-ins and block their IP addresses; check inbox rules and forwarding (Get-InboxRule), app passwords and MFA methods. Then restore the mailbox\'s access: re-enable only the protocols the user needs once the credentials are new.'
  }
  {
    eventName: 'HuntCompleted'
    displayName: 'Hunt remediated mail delivered earlier'
    severity: 2
    threshold: 0
    measure: ''
    extend: '| where toint(Properties.Copies) > 0 | extend HuntId = tostring(Properties.HuntId)'
    dimensions: ['HuntId']
    description: 'A hunt went through the message index and found malicious copies that were already delivered (hunts with nothing found do not alert). Trigger says what started it: Analyst (remediation hunt, by Actor), Settings (an entry added to Detection__Blocked*) or EngineChanged (a new engine re-scanned mail judged clean or suspicious within Hunting__Window). Indicator, Since, Matched (messages that matched), Copies (copies handed to remediation; ReportOnly true: recorded only, nothing moved), Campaigns and DurationSeconds tell what it did; the copies themselves raise MessageRemediated per campaign, and a large campaign is held (CampaignHeld) as live mail is. Read the findings with remediation hunt-report --url https://<app> --hunt <HuntId>. If the hunt was wrong: remediation restore --url https://<app> --hunt <HuntId> restores every campaign it remediated.'
  }
  {
    eventName: 'CircuitBreakerTripped'
    displayName: 'Hourly cap on an autonomous action reached'
    severity: 1
    threshold: 0
    measure: ''
    extend: '| extend Breaker = tostring(Properties.Breaker)'
    dimensions: ['Breaker']
    description: 'The pipeline reached its hourly cap (Limit) on an autonomous action in the hour starting at Window, and stops taking that action until the next hour. Breaker SessionRevocations (Compromise__MaxRevocationsPerHour): further likely compromised mailboxes are alerted on (MailboxCompromised, Response "AlertOnly (revocation cap reached)") but their sessions are not revoked; revoke them by hand after checking the alerts (Revoke-MgUserSignInSession), or find the detection fault if they are not really compromised. Breaker UnapprovedMoves|<mailbox id> (Remediation__MaxUnapprovedMovesPerMailboxPerHour): that mailbox\'s own appended lures took its share of the hour, most likely an appender flooding a stolen account; the rest stay there, audited as HeldByBreaker, and the tenant\'s budget is kept for other mailboxes. Breaker UnapprovedMoves (Remediation__MaxUnapprovedMovesPerHour): copies of campaigns nobody approved stay in the recipients\' mailboxes, audited as HeldByBreaker; check the MessageRemediated events of the hour for a rule gone wrong (false positives: ${restoreHowTo}), and if a campaign is genuine approve it (remediation approve --url https://<app> --campaign <CampaignId>): its held copies are moved then. A cap reached is either an attack larger than expected or the pipeline acting wrongly at scale: look now.'
  }
  {
    eventName: 'SuspiciousMessage'
    displayName: 'Suspicious message (no action taken)'
    severity: 3
    threshold: 0
    measure: ''
    extend: ''
    dimensions: []
    description: 'A scan scored a message as suspicious, below the malicious threshold: nothing was moved. Review it (MailboxId, MessageId, Score, Rules). If it is malicious, remove it and add its sender or link domain to the blocked lists so that the next copy is remediated automatically.'
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-soc'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('${namePrefix}soc', 12)
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'email-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
    webhookReceivers: empty(alertWebhookUrl)
      ? []
      : [
          {
            name: 'webhook'
            serviceUri: alertWebhookUrl
            useCommonAlertSchema: true
          }
        ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for alert in eventAlerts: {
    name: '${namePrefix}-${alert.eventName}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: '${namePrefix}: ${alert.displayName}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        workspaceResourceId
      ]
      evaluationFrequency: evaluationFrequency
      windowSize: windowSize
      // AppEvents only appears in a new workspace with the first event; the queries are fixed text.
      skipQueryValidation: true
      // Stateless: every evaluation that finds new events notifies, so a second campaign is never hidden behind
      // an alert that is still open for the first one.
      autoMitigate: false
      criteria: {
        allOf: [
          {
            query: join(
              filter(
                [
                  'AppEvents'
                  '| where Name == "${alert.eventName}"'
                  freshRows
                  alert.extend
                ],
                line => !empty(line)
              ),
              '\n'
            )
            timeAggregation: empty(alert.measure) ? 'Count' : 'Total'
            metricMeasureColumn: empty(alert.measure) ? null : alert.measure
            operator: 'GreaterThan'
            threshold: alert.threshold
            dimensions: [
              for dimension in alert.dimensions: {
                name: dimension
                operator: 'Include'
                values: ['*']
              }
            ]
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
        customProperties: {
          event: alert.eventName
        }
      }
    }
  }
]

@description('Resource id of the action group.')
output actionGroupResourceId string = actionGroup.id
