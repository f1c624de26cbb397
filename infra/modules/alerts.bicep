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

@description('Webhook rejections in 5 minutes above which the spike alert fires.')
@minValue(1)
param webhookRejectThreshold int

@description('Tags applied to every resource.')
param tags object

// Rules run every 5 minutes over the last 15 minutes of event time, but count only rows ingested in the last
// 5 minutes: an event delayed by ingestion (up to 10 minutes) is still seen, and no event is counted by two runs.
var evaluationFrequency = 'PT5M'
var windowSize = 'PT15M'
var freshRows = '| where ingestion_time() > ago(5m)'

var eventAlerts = [
  {
    eventName: 'MessageRemediated'
    displayName: 'Malicious message remediated'
    severity: 2
    threshold: 0
    extend: '| extend CampaignId = tostring(Properties.CampaignId)'
    dimensions: ['CampaignId']
    description: 'The pipeline remediated every copy of a malicious message in one or more mailboxes (moved to Junk Email; with Remediation__Action = ReportOnly only recorded). For the SOC: open the events (MailboxId, CampaignId, Category, Score, Rules), confirm the verdict, inform the recipients, and look for clicks or replies. If it is a false positive, restore the campaign with the Restore endpoint and fix the rule or list that fired.'
  }
  {
    eventName: 'CampaignHeld'
    displayName: 'Campaign held by the blast-radius guard'
    severity: 1
    threshold: 0
    extend: '| extend CampaignId = tostring(Properties.CampaignId)'
    dimensions: ['CampaignId']
    description: 'A malicious campaign was too large or too uncertain to remediate automatically and was held: its copies are still in the recipients\' mailboxes. Review the campaign now (CampaignId, Count, Reason, Rules): approve its remediation if the verdict holds, or dismiss it as a false positive. Every minute it waits, recipients can open it.'
  }
  {
    eventName: 'RemediationFailed'
    displayName: 'Remediation failed in a mailbox'
    severity: 2
    threshold: 0
    extend: '| extend MailboxId = tostring(Properties.MailboxId)'
    dimensions: ['MailboxId']
    description: 'Remediation of a malicious message failed in a mailbox after retries: the message may still be in that mailbox. Check Reason and MailboxId in the event: a mailbox outside the Exchange RBAC management scope (access denied), persistent throttling, or a Graph outage. Fix the cause and replay the job, or remove the message manually (for example with a Purview content search and purge).'
  }
  {
    eventName: 'PoisonMessage'
    displayName: 'Work item moved to a poison queue'
    severity: 1
    threshold: 0
    extend: '| extend Queue = tostring(Properties.Queue)'
    dimensions: ['Queue']
    description: 'A queue message exhausted its attempts and now sits in "<queue>-poison": a notification was not scanned or a remediation job was not carried out. Find the cause in the exceptions and traces of the failing function (same operation id), fix it, then move the message from the poison queue back to its queue. Nothing is lost while it sits there, but nothing happens to it either.'
  }
  {
    eventName: 'SubscriptionRenewalFailed'
    displayName: 'Graph subscription not created or renewed'
    severity: 2
    threshold: 0
    extend: '| extend MailboxId = tostring(Properties.MailboxId)'
    dimensions: ['MailboxId']
    description: 'A mailbox\'s Microsoft Graph subscription could not be created or renewed: new mail in that mailbox is not scanned until it is. Check Reason: a missing Graph permission or a mailbox outside the management scope, the notification URL failing the validation handshake, or the per-mailbox subscription limit. The subscription timer retries; once it succeeds the pipeline resynchronises the mailbox with delta queries.'
  }
  {
    eventName: 'MessageUnscannable'
    displayName: 'Message could not be scanned'
    severity: 3
    threshold: 0
    extend: ''
    dimensions: []
    description: 'A message could not be parsed or scanned within the limits and received no verdict, so it was neither remediated nor cleared. Review it by hand (MailboxId, MessageId, Reason). Several from one sender suggest a deliberate evasion attempt with malformed or oversized content.'
  }
  {
    eventName: 'WebhookRejected'
    displayName: 'Spike of rejected webhook requests'
    severity: 2
    threshold: webhookRejectThreshold
    extend: ''
    dimensions: []
    description: 'The notification webhook refused more than ${webhookRejectThreshold} requests or notifications in 5 minutes (wrong clientState, foreign tenant, malformed or oversized body). Check Reason: if the client state was rotated in Key Vault, recreate the Graph subscriptions so they carry the new value (until then genuine notifications are lost); otherwise someone is probing the public endpoint, so look at the callers\' addresses in the request telemetry.'
  }
  {
    eventName: 'SuspiciousMessage'
    displayName: 'Suspicious message (no action taken)'
    severity: 3
    threshold: 0
    extend: ''
    dimensions: []
    description: 'A scan scored a message as suspicious, below the malicious threshold: nothing was moved. Review it (MailboxId, MessageId, Score, Rules). If it is malicious, remediate it and add its sender or link domain to the blocked lists so that the next copy is remediated automatically.'
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
            timeAggregation: 'Count'
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
