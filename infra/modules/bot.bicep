// The Azure Bot registration for the bot's Entra app, with its Teams channel and messaging endpoint.

param name string
param displayName string
param botId string
param messagingEndpoint string

@description('F0 is free; S1 for premium channels (Teams works on both).')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: botId
    // botAadApp/create registers a single-tenant app (multi-tenant bot registration is retired).
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
