// Key Vault that holds every secret of the server; app settings reference these secrets by name, so no
// secret value is ever stored in App Service configuration or in deployment outputs.

param name string
param location string

@secure()
param entraClientSecret string

@secure()
param botPassword string

@secure()
param tokenEncryptionKey string

@description('Written only when given; with mongoMode cosmos the cluster module writes mongodb-uri instead.')
@secure()
param externalMongodbUri string = ''

@secure()
param googleClientSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    // Access by Azure RBAC: the web app's managed identity gets "Key Vault Secrets User" (app-service.bicep).
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'entra-client-secret'
  properties: { value: entraClientSecret }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: { value: botPassword }
}

resource tokenKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'token-encryption-key'
  properties: { value: tokenEncryptionKey }
}

resource mongoSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(externalMongodbUri)) {
  parent: vault
  name: 'mongodb-uri'
  properties: { value: externalMongodbUri }
}

resource googleSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(googleClientSecret)) {
  parent: vault
  name: 'google-client-secret'
  properties: { value: googleClientSecret }
}

output name string = vault.name
