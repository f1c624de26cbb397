metadata description = 'Types shared by main.bicep and its modules.'

@export()
@description('What happens to the copies of a malicious message of one category (RemediationAction in the code).')
type remediationActionType = 'Quarantine' | 'MoveToJunk' | 'SoftDelete'

@export()
@description('What the pipeline does besides alerting when a mailbox is likely compromised (CompromiseResponse in the code).')
type compromiseResponseType = 'AlertOnly' | 'RevokeSessions'
