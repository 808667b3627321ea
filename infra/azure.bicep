// Azure resources for one environment of 1:1s: App Service (Linux, Node 24 LTS), Azure Bot with the Teams
// channel, Key Vault for every secret, Application Insights, and MongoDB (Cosmos DB for MongoDB vCore, or an
// external URI kept in Key Vault). Deployed by teamsapp.yml's arm/deploy; outputs go to env/.env.<env>.

@description('Base of every resource name: letters and digits, unique per environment (oneonones + suffix).')
@minLength(4)
@maxLength(20)
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan size; B1 is the smallest with Always On.')
param appServiceSku string = 'B1'

@description('Client id of the API\'s Entra app (aadApp/create).')
param entraClientId string

@secure()
param entraClientSecret string

@description('Client id of the bot\'s Entra app (botAadApp/create).')
param botId string

@secure()
param botPassword string

@description('Display name of the Azure Bot.')
param botDisplayName string = '1:1s'

@description('32 random bytes, base64: encrypts stored calendar tokens. Never change it once data exists.')
@secure()
param tokenEncryptionKey string

@description('cosmos: create a Cosmos DB for MongoDB vCore cluster. external: use the mongodb-uri secret.')
@allowed(['cosmos', 'external'])
param mongoMode string = 'cosmos'

@description('Administrator password of the vCore cluster (mongoMode cosmos).')
@secure()
param mongoAdminPassword string = ''

@description('vCore compute tier (mongoMode cosmos).')
param mongoComputeTier string = 'M10'

@description('Connection string of an existing MongoDB 6+ (mongoMode external). Empty: set the Key Vault secret mongodb-uri yourself.')
@secure()
param externalMongodbUri string = ''

@description('Google Calendar OAuth client (optional; both or neither).')
param googleClientId string = ''

@secure()
param googleClientSecret string = ''

@description('pino log level of the server.')
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id, resourceBaseName)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: resourceBaseName
    location: location
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: 'kv-${suffix}'
    location: location
    entraClientSecret: entraClientSecret
    botPassword: botPassword
    tokenEncryptionKey: tokenEncryptionKey
    externalMongodbUri: mongoMode == 'external' ? externalMongodbUri : ''
    googleClientSecret: googleClientSecret
  }
}

module mongo 'modules/mongo-cluster.bicep' = if (mongoMode == 'cosmos') {
  name: 'mongo-cluster'
  params: {
    name: '${toLower(resourceBaseName)}-mongo'
    location: location
    adminPassword: mongoAdminPassword
    computeTier: mongoComputeTier
    keyVaultName: vault.outputs.name
  }
}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  dependsOn: [mongo]
  params: {
    name: resourceBaseName
    location: location
    sku: appServiceSku
    keyVaultName: vault.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    entraClientId: entraClientId
    botId: botId
    googleClientId: googleClientId
    logLevel: logLevel
  }
}

module bot 'modules/bot.bicep' = {
  name: 'azure-bot'
  params: {
    name: resourceBaseName
    displayName: botDisplayName
    botId: botId
    messagingEndpoint: 'https://${app.outputs.hostName}/api/messages'
  }
}

// Upper-case outputs are written to env/.env.<env> by the toolkit; the manifest and aadApp/update use them.
output AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.resourceId
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output TAB_DOMAIN string = app.outputs.hostName
output TAB_ENDPOINT string = 'https://${app.outputs.hostName}'
