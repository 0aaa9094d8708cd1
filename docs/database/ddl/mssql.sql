-- EventLead Platform: complete schema DDL for SQL Server.
-- Generated from the entities of @eventlead/models by `pnpm --filter @eventlead/db docs:schema`; do not edit.
-- Databases are built by the migrations (`pnpm db:migrate`); this file is for review and reference.
-- Runs in sqlcmd as is (`pnpm db:sql -- --dialect mssql` prints it): sqlcmd -S host -d EventLead -i mssql.sql -b

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

if (schema_id('cache') is null) begin exec ('create schema [cache] authorization [dbo]') end;
GO
if (schema_id('audit') is null) begin exec ('create schema [audit] authorization [dbo]') end;
GO
if (schema_id('log') is null) begin exec ('create schema [log] authorization [dbo]') end;
GO
if (schema_id('ref') is null) begin exec ('create schema [ref] authorization [dbo]') end;
GO
if (schema_id('config') is null) begin exec ('create schema [config] authorization [dbo]') end;
GO

CREATE TABLE [cache].[ABRSearch] ([ABRSearchID] bigint identity(1,1) not null, [SearchType] nvarchar(10) not null, [SearchValue] nvarchar(200) not null, [ResultJson] nvarchar(max) not null, [ResultCount] int not null CONSTRAINT [DF_ABRSearch_ResultCount] DEFAULT 0, [ExpiresDate] datetime2 not null, [CreatedDate] datetime2 not null CONSTRAINT [DF_ABRSearch_CreatedDate] DEFAULT GETUTCDATE(), [UpdatedDate] datetime2 not null CONSTRAINT [DF_ABRSearch_UpdatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_ABRSearch] PRIMARY KEY ([ABRSearchID]), constraint [CK_ABRSearch_ResultCount] check ([ResultCount] >= 0), constraint [CK_ABRSearch_ExpiresDate] check ([ExpiresDate] > [CreatedDate]));
CREATE INDEX [IX_ABRSearch_ExpiresDate] ON [cache].[ABRSearch] ([ExpiresDate]);
CREATE UNIQUE INDEX [UQ_ABRSearch_SearchType_SearchValue] ON [cache].[ABRSearch] ([SearchType], [SearchValue]) WHERE [SearchType] IS NOT NULL AND [SearchValue] IS NOT NULL;
GO

CREATE TABLE [audit].[ActivityLog] ([ActivityLogID] bigint identity(1,1) not null, [UserID] bigint null, [CompanyID] bigint null, [Action] nvarchar(100) not null, [EntityType] nvarchar(100) null, [EntityID] bigint null, [Details] nvarchar(max) null, [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [RequestID] nvarchar(64) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_ActivityLog_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_ActivityLog] PRIMARY KEY ([ActivityLogID]));
CREATE INDEX [IX_ActivityLog_UserID] ON [audit].[ActivityLog] ([UserID]);
CREATE INDEX [IX_ActivityLog_CompanyID] ON [audit].[ActivityLog] ([CompanyID]);
CREATE INDEX [IX_ActivityLog_CreatedDate] ON [audit].[ActivityLog] ([CreatedDate]);
CREATE INDEX [IX_ActivityLog_EntityType_EntityID] ON [audit].[ActivityLog] ([EntityType], [EntityID]);
GO

CREATE TABLE [log].[ApiRequest] ([ApiRequestID] bigint identity(1,1) not null, [RequestID] nvarchar(64) not null, [Method] nvarchar(10) not null, [Path] nvarchar(2000) not null, [StatusCode] int not null, [DurationMs] int not null, [UserID] bigint null, [CompanyID] bigint null, [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_ApiRequest_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_ApiRequest] PRIMARY KEY ([ApiRequestID]), constraint [CK_ApiRequest_StatusCode] check ([StatusCode] between 100 and 599), constraint [CK_ApiRequest_DurationMs] check ([DurationMs] >= 0));
CREATE INDEX [IX_ApiRequest_RequestID] ON [log].[ApiRequest] ([RequestID]);
CREATE INDEX [IX_ApiRequest_UserID] ON [log].[ApiRequest] ([UserID]);
CREATE INDEX [IX_ApiRequest_CompanyID] ON [log].[ApiRequest] ([CompanyID]);
CREATE INDEX [IX_ApiRequest_CreatedDate] ON [log].[ApiRequest] ([CreatedDate]);
GO

CREATE TABLE [log].[ApplicationError] ([ApplicationErrorID] bigint identity(1,1) not null, [ErrorType] nvarchar(200) not null, [Severity] nvarchar(20) not null CONSTRAINT [DF_ApplicationError_Severity] DEFAULT 'error', [Message] nvarchar(max) not null, [StackTrace] nvarchar(max) null, [Method] nvarchar(10) null, [Path] nvarchar(2000) null, [RequestID] nvarchar(64) null, [UserID] bigint null, [CompanyID] bigint null, [CreatedDate] datetime2 not null CONSTRAINT [DF_ApplicationError_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_ApplicationError] PRIMARY KEY ([ApplicationErrorID]));
CREATE INDEX [IX_ApplicationError_RequestID] ON [log].[ApplicationError] ([RequestID]);
CREATE INDEX [IX_ApplicationError_UserID] ON [log].[ApplicationError] ([UserID]);
CREATE INDEX [IX_ApplicationError_CompanyID] ON [log].[ApplicationError] ([CompanyID]);
CREATE INDEX [IX_ApplicationError_CreatedDate] ON [log].[ApplicationError] ([CreatedDate]);
GO

CREATE TABLE [log].[AuthEvent] ([AuthEventID] bigint identity(1,1) not null, [UserID] bigint null, [Email] nvarchar(255) null, [EventType] nvarchar(50) not null, [Reason] nvarchar(500) null, [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [RequestID] nvarchar(64) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_AuthEvent_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_AuthEvent] PRIMARY KEY ([AuthEventID]));
CREATE INDEX [IX_AuthEvent_UserID] ON [log].[AuthEvent] ([UserID]);
CREATE INDEX [IX_AuthEvent_Email] ON [log].[AuthEvent] ([Email]);
CREATE INDEX [IX_AuthEvent_CreatedDate] ON [log].[AuthEvent] ([CreatedDate]);
GO

CREATE TABLE [dbo].[Company] ([CompanyID] bigint identity(1,1) not null, [CompanyName] nvarchar(200) not null, [ABN] nvarchar(11) null, [ACN] nvarchar(9) null, [TradingName] nvarchar(200) null, [EntityTypeCode] nvarchar(10) null, [EntityTypeName] nvarchar(200) null, [GSTRegistered] bit not null CONSTRAINT [DF_Company_GSTRegistered] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_Company_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_Company_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_Company_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_Company_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_Company] PRIMARY KEY ([CompanyID]));
CREATE INDEX [IX_Company_ABN] ON [dbo].[Company] ([ABN]);
GO

CREATE TABLE [audit].[Company] ([CompanyAuditID] bigint identity(1,1) not null, [CompanyID] bigint not null, [ChangeType] nvarchar(20) not null, [FieldName] nvarchar(100) null, [OldValue] nvarchar(max) null, [NewValue] nvarchar(max) null, [ChangedBy] bigint null, [ChangedDate] datetime2 not null CONSTRAINT [DF_Company_ChangedDate] DEFAULT GETUTCDATE(), [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [RequestID] nvarchar(64) null, [Reason] nvarchar(500) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_Company_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_Company] PRIMARY KEY ([CompanyAuditID]));
CREATE INDEX [IX_Company_CompanyID] ON [audit].[Company] ([CompanyID]);
CREATE INDEX [IX_Company_ChangedBy] ON [audit].[Company] ([ChangedBy]);
GO

CREATE TABLE [ref].[Country] ([CountryID] int identity(1,1) not null, [Code] nvarchar(2) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_Country_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_Country_IsActive] DEFAULT 1, [Alpha3] nvarchar(3) not null, [NumericCode] nvarchar(3) null, [PhonePrefix] nvarchar(10) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_Country_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_Country_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_Country_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_Country] PRIMARY KEY ([CountryID]), constraint [CK_Country_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_Country_Code] ON [ref].[Country] ([Code]) WHERE [Code] IS NOT NULL;
CREATE UNIQUE INDEX [UQ_Country_Alpha3] ON [ref].[Country] ([Alpha3]) WHERE [Alpha3] IS NOT NULL;
GO

CREATE TABLE [dbo].[CompanyBillingDetails] ([CompanyBillingDetailsID] bigint identity(1,1) not null, [CompanyID] bigint not null, [BillingEmail] nvarchar(255) not null, [BillingContactName] nvarchar(200) null, [BillingPhone] nvarchar(20) null, [BillingAddressLine1] nvarchar(200) not null, [BillingAddressLine2] nvarchar(200) null, [BillingCity] nvarchar(100) not null, [BillingState] nvarchar(100) null, [BillingPostcode] nvarchar(20) not null, [CountryID] int not null, [PurchaseOrderNumber] nvarchar(50) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_CompanyBillingDetails_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_CompanyBillingDetails_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_CompanyBillingDetails_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_CompanyBillingDetails] PRIMARY KEY ([CompanyBillingDetailsID]));
CREATE UNIQUE INDEX [UQ_CompanyBillingDetails_CompanyID] ON [dbo].[CompanyBillingDetails] ([CompanyID]) WHERE [CompanyID] IS NOT NULL;
CREATE INDEX [IX_CompanyBillingDetails_CountryID] ON [dbo].[CompanyBillingDetails] ([CountryID]);
GO

CREATE TABLE [ref].[CustomerTier] ([CustomerTierID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_CustomerTier_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_CustomerTier_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_CustomerTier_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_CustomerTier_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_CustomerTier_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_CustomerTier] PRIMARY KEY ([CustomerTierID]), constraint [CK_CustomerTier_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_CustomerTier_Code] ON [ref].[CustomerTier] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [log].[EmailDelivery] ([EmailDeliveryID] bigint identity(1,1) not null, [RecipientEmail] nvarchar(255) not null, [TemplateName] nvarchar(100) not null, [Subject] nvarchar(500) not null, [Status] nvarchar(20) not null CONSTRAINT [DF_EmailDelivery_Status] DEFAULT 'queued', [ProviderMessageID] nvarchar(200) null, [ErrorMessage] nvarchar(max) null, [AttemptNumber] int not null CONSTRAINT [DF_EmailDelivery_AttemptNumber] DEFAULT 1, [SentDate] datetime2 null, [UserID] bigint null, [RequestID] nvarchar(64) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_EmailDelivery_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_EmailDelivery] PRIMARY KEY ([EmailDeliveryID]), constraint [CK_EmailDelivery_AttemptNumber] check ([AttemptNumber] >= 1));
CREATE INDEX [IX_EmailDelivery_RecipientEmail] ON [log].[EmailDelivery] ([RecipientEmail]);
CREATE INDEX [IX_EmailDelivery_ProviderMessageID] ON [log].[EmailDelivery] ([ProviderMessageID]);
CREATE INDEX [IX_EmailDelivery_UserID] ON [log].[EmailDelivery] ([UserID]);
CREATE INDEX [IX_EmailDelivery_CreatedDate] ON [log].[EmailDelivery] ([CreatedDate]);
GO

CREATE TABLE [ref].[Industry] ([IndustryID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_Industry_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_Industry_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_Industry_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_Industry_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_Industry_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_Industry] PRIMARY KEY ([IndustryID]), constraint [CK_Industry_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_Industry_Code] ON [ref].[Industry] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [dbo].[CompanyCustomerDetails] ([CompanyCustomerDetailsID] bigint identity(1,1) not null, [CompanyID] bigint not null, [CustomerTierID] int not null, [IndustryID] int null, [CompanySize] nvarchar(20) null, [WebsiteUrl] nvarchar(500) null, [ReferralSource] nvarchar(100) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_CompanyCustomerDetails_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_CompanyCustomerDetails_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_CompanyCustomerDetails_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_CompanyCustomerDetails] PRIMARY KEY ([CompanyCustomerDetailsID]));
CREATE UNIQUE INDEX [UQ_CompanyCustomerDetails_CompanyID] ON [dbo].[CompanyCustomerDetails] ([CompanyID]) WHERE [CompanyID] IS NOT NULL;
CREATE INDEX [IX_CompanyCustomerDetails_CustomerTierID] ON [dbo].[CompanyCustomerDetails] ([CustomerTierID]);
CREATE INDEX [IX_CompanyCustomerDetails_IndustryID] ON [dbo].[CompanyCustomerDetails] ([IndustryID]);
GO

CREATE TABLE [ref].[JoinedVia] ([JoinedViaID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_JoinedVia_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_JoinedVia_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_JoinedVia_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_JoinedVia_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_JoinedVia_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_JoinedVia] PRIMARY KEY ([JoinedViaID]), constraint [CK_JoinedVia_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_JoinedVia_Code] ON [ref].[JoinedVia] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[Language] ([LanguageID] int identity(1,1) not null, [Code] nvarchar(2) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_Language_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_Language_IsActive] DEFAULT 1, [NativeName] nvarchar(100) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_Language_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_Language_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_Language_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_Language] PRIMARY KEY ([LanguageID]), constraint [CK_Language_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_Language_Code] ON [ref].[Language] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [audit].[Role] ([RoleAuditID] bigint identity(1,1) not null, [UserCompanyID] bigint not null, [UserID] bigint not null, [CompanyID] bigint not null, [OldRoleID] int null, [NewRoleID] int not null, [ChangedBy] bigint null, [ChangedDate] datetime2 not null CONSTRAINT [DF_Role_ChangedDate] DEFAULT GETUTCDATE(), [Reason] nvarchar(500) null, [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [RequestID] nvarchar(64) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_Role_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_Role] PRIMARY KEY ([RoleAuditID]));
CREATE INDEX [IX_Role_UserCompanyID] ON [audit].[Role] ([UserCompanyID]);
CREATE INDEX [IX_Role_UserID] ON [audit].[Role] ([UserID]);
CREATE INDEX [IX_Role_CompanyID] ON [audit].[Role] ([CompanyID]);
CREATE INDEX [IX_Role_ChangedBy] ON [audit].[Role] ([ChangedBy]);
GO

CREATE TABLE [ref].[RuleType] ([RuleTypeID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_RuleType_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_RuleType_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_RuleType_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_RuleType_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_RuleType_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_RuleType] PRIMARY KEY ([RuleTypeID]), constraint [CK_RuleType_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_RuleType_Code] ON [ref].[RuleType] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[SettingCategory] ([SettingCategoryID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_SettingCategory_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_SettingCategory_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_SettingCategory_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_SettingCategory_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_SettingCategory_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_SettingCategory] PRIMARY KEY ([SettingCategoryID]), constraint [CK_SettingCategory_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_SettingCategory_Code] ON [ref].[SettingCategory] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[SettingType] ([SettingTypeID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_SettingType_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_SettingType_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_SettingType_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_SettingType_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_SettingType_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_SettingType] PRIMARY KEY ([SettingTypeID]), constraint [CK_SettingType_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_SettingType_Code] ON [ref].[SettingType] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [config].[AppSetting] ([AppSettingID] bigint identity(1,1) not null, [SettingKey] nvarchar(100) not null, [SettingValue] nvarchar(max) null, [DefaultValue] nvarchar(max) null, [Description] nvarchar(500) null, [SettingCategoryID] int not null, [SettingTypeID] int not null, [IsEditable] bit not null CONSTRAINT [DF_AppSetting_IsEditable] DEFAULT 1, [IsSensitive] bit not null CONSTRAINT [DF_AppSetting_IsSensitive] DEFAULT 0, [SortOrder] int not null CONSTRAINT [DF_AppSetting_SortOrder] DEFAULT 0, [CreatedDate] datetime2 not null CONSTRAINT [DF_AppSetting_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_AppSetting_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_AppSetting_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_AppSetting] PRIMARY KEY ([AppSettingID]), constraint [CK_AppSetting_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_AppSetting_SettingKey] ON [config].[AppSetting] ([SettingKey]) WHERE [SettingKey] IS NOT NULL;
CREATE INDEX [IX_AppSetting_SettingCategoryID] ON [config].[AppSetting] ([SettingCategoryID]);
CREATE INDEX [IX_AppSetting_SettingTypeID] ON [config].[AppSetting] ([SettingTypeID]);
GO

CREATE TABLE [ref].[Timezone] ([TimezoneID] int identity(1,1) not null, [Code] nvarchar(64) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_Timezone_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_Timezone_IsActive] DEFAULT 1, [UtcOffset] nvarchar(6) not null, [CreatedDate] datetime2 not null CONSTRAINT [DF_Timezone_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_Timezone_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_Timezone_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_Timezone] PRIMARY KEY ([TimezoneID]), constraint [CK_Timezone_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_Timezone_Code] ON [ref].[Timezone] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [dbo].[CompanyOrganizerDetails] ([CompanyOrganizerDetailsID] bigint identity(1,1) not null, [CompanyID] bigint not null, [OrganizerDisplayName] nvarchar(200) null, [PublicEmail] nvarchar(255) null, [PublicPhone] nvarchar(20) null, [WebsiteUrl] nvarchar(500) null, [Description] nvarchar(max) null, [TimezoneID] int null, [LanguageID] int null, [EventsPerYear] int null, [TypicalAttendeeCount] int null, [CreatedDate] datetime2 not null CONSTRAINT [DF_CompanyOrganizerDetails_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_CompanyOrganizerDetails_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_CompanyOrganizerDetails_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_CompanyOrganizerDetails] PRIMARY KEY ([CompanyOrganizerDetailsID]), constraint [CK_CompanyOrganizerDetails_EventsPerYear] check ([EventsPerYear] >= 0), constraint [CK_CompanyOrganizerDetails_TypicalAttendeeCount] check ([TypicalAttendeeCount] >= 0));
CREATE UNIQUE INDEX [UQ_CompanyOrganizerDetails_CompanyID] ON [dbo].[CompanyOrganizerDetails] ([CompanyID]) WHERE [CompanyID] IS NOT NULL;
CREATE INDEX [IX_CompanyOrganizerDetails_TimezoneID] ON [dbo].[CompanyOrganizerDetails] ([TimezoneID]);
CREATE INDEX [IX_CompanyOrganizerDetails_LanguageID] ON [dbo].[CompanyOrganizerDetails] ([LanguageID]);
GO

CREATE TABLE [audit].[User] ([UserAuditID] bigint identity(1,1) not null, [UserID] bigint not null, [ChangeType] nvarchar(20) not null, [FieldName] nvarchar(100) null, [OldValue] nvarchar(max) null, [NewValue] nvarchar(max) null, [ChangedBy] bigint null, [ChangedDate] datetime2 not null CONSTRAINT [DF_User_ChangedDate] DEFAULT GETUTCDATE(), [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [RequestID] nvarchar(64) null, [Reason] nvarchar(500) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_User_CreatedDate] DEFAULT GETUTCDATE(), CONSTRAINT [PK_User] PRIMARY KEY ([UserAuditID]));
CREATE INDEX [IX_User_UserID] ON [audit].[User] ([UserID]);
CREATE INDEX [IX_User_ChangedBy] ON [audit].[User] ([ChangedBy]);
GO

CREATE TABLE [ref].[UserCompanyRole] ([UserCompanyRoleID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_UserCompanyRole_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_UserCompanyRole_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserCompanyRole_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserCompanyRole_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserCompanyRole_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserCompanyRole] PRIMARY KEY ([UserCompanyRoleID]), constraint [CK_UserCompanyRole_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_UserCompanyRole_Code] ON [ref].[UserCompanyRole] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[UserCompanyStatus] ([UserCompanyStatusID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_UserCompanyStatus_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_UserCompanyStatus_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserCompanyStatus_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserCompanyStatus_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserCompanyStatus_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserCompanyStatus] PRIMARY KEY ([UserCompanyStatusID]), constraint [CK_UserCompanyStatus_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_UserCompanyStatus_Code] ON [ref].[UserCompanyStatus] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[UserInvitationStatus] ([UserInvitationStatusID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_UserInvitationStatus_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_UserInvitationStatus_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserInvitationStatus_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserInvitationStatus_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserInvitationStatus_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserInvitationStatus] PRIMARY KEY ([UserInvitationStatusID]), constraint [CK_UserInvitationStatus_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_UserInvitationStatus_Code] ON [ref].[UserInvitationStatus] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[UserRole] ([UserRoleID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_UserRole_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_UserRole_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserRole_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserRole_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserRole_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserRole] PRIMARY KEY ([UserRoleID]), constraint [CK_UserRole_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_UserRole_Code] ON [ref].[UserRole] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [ref].[UserStatus] ([UserStatusID] int identity(1,1) not null, [Code] nvarchar(50) not null, [Name] nvarchar(100) not null, [Description] nvarchar(500) null, [SortOrder] int not null CONSTRAINT [DF_UserStatus_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_UserStatus_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserStatus_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserStatus_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserStatus_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserStatus] PRIMARY KEY ([UserStatusID]), constraint [CK_UserStatus_SortOrder] check ([SortOrder] >= 0));
CREATE UNIQUE INDEX [UQ_UserStatus_Code] ON [ref].[UserStatus] ([Code]) WHERE [Code] IS NOT NULL;
GO

CREATE TABLE [dbo].[User] ([UserID] bigint identity(1,1) not null, [Email] nvarchar(255) not null, [PasswordHash] nvarchar(255) not null, [FirstName] nvarchar(100) null, [LastName] nvarchar(100) null, [Phone] nvarchar(20) null, [RoleTitle] nvarchar(100) null, [IsEmailVerified] bit not null CONSTRAINT [DF_User_IsEmailVerified] DEFAULT 0, [EmailVerifiedDate] datetime2 null, [OnboardingComplete] bit not null CONSTRAINT [DF_User_OnboardingComplete] DEFAULT 0, [LastLogin] datetime2 null, [AccessTokenVersion] int not null CONSTRAINT [DF_User_AccessTokenVersion] DEFAULT 0, [StatusID] int not null, [CreatedDate] datetime2 not null CONSTRAINT [DF_User_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_User_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_User_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_User] PRIMARY KEY ([UserID]), constraint [CK_User_AccessTokenVersion] check ([AccessTokenVersion] >= 0));
CREATE INDEX [IX_User_StatusID] ON [dbo].[User] ([StatusID]);
create unique index [UQ_User_Email] on [dbo].[User] ([Email]) where [IsDeleted] = 0;
GO

CREATE TABLE [dbo].[UserRefreshToken] ([UserRefreshTokenID] bigint identity(1,1) not null, [UserID] bigint not null, [TokenHash] nvarchar(128) not null, [ExpiresDate] datetime2 not null, [UsedDate] datetime2 null, [RevokedDate] datetime2 null, [IPAddress] nvarchar(45) null, [UserAgent] nvarchar(500) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserRefreshToken_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserRefreshToken_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserRefreshToken_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserRefreshToken] PRIMARY KEY ([UserRefreshTokenID]), constraint [CK_UserRefreshToken_ExpiresDate] check ([ExpiresDate] > [CreatedDate]));
CREATE INDEX [IX_UserRefreshToken_UserID] ON [dbo].[UserRefreshToken] ([UserID]);
CREATE UNIQUE INDEX [UQ_UserRefreshToken_TokenHash] ON [dbo].[UserRefreshToken] ([TokenHash]) WHERE [TokenHash] IS NOT NULL;
GO

CREATE TABLE [dbo].[UserPasswordResetToken] ([UserPasswordResetTokenID] bigint identity(1,1) not null, [UserID] bigint not null, [TokenHash] nvarchar(128) not null, [ExpiresDate] datetime2 not null, [UsedDate] datetime2 null, [RevokedDate] datetime2 null, [IPAddress] nvarchar(45) null, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserPasswordResetToken_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserPasswordResetToken_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserPasswordResetToken_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserPasswordResetToken] PRIMARY KEY ([UserPasswordResetTokenID]), constraint [CK_UserPasswordResetToken_ExpiresDate] check ([ExpiresDate] > [CreatedDate]));
CREATE INDEX [IX_UserPasswordResetToken_UserID] ON [dbo].[UserPasswordResetToken] ([UserID]);
CREATE UNIQUE INDEX [UQ_UserPasswordResetToken_TokenHash] ON [dbo].[UserPasswordResetToken] ([TokenHash]) WHERE [TokenHash] IS NOT NULL;
GO

CREATE TABLE [dbo].[UserInvitation] ([UserInvitationID] bigint identity(1,1) not null, [CompanyID] bigint not null, [Email] nvarchar(255) not null, [FirstName] nvarchar(100) null, [LastName] nvarchar(100) null, [UserCompanyRoleID] int not null, [InvitedBy] bigint not null, [UserInvitationStatusID] int not null, [TokenHash] nvarchar(128) not null, [ExpiresDate] datetime2 not null, [AcceptedDate] datetime2 null, [RevokedDate] datetime2 null, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserInvitation_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserInvitation_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserInvitation_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserInvitation] PRIMARY KEY ([UserInvitationID]), constraint [CK_UserInvitation_ExpiresDate] check ([ExpiresDate] > [CreatedDate]));
CREATE INDEX [IX_UserInvitation_CompanyID] ON [dbo].[UserInvitation] ([CompanyID]);
CREATE INDEX [IX_UserInvitation_Email] ON [dbo].[UserInvitation] ([Email]);
CREATE INDEX [IX_UserInvitation_UserCompanyRoleID] ON [dbo].[UserInvitation] ([UserCompanyRoleID]);
CREATE INDEX [IX_UserInvitation_InvitedBy] ON [dbo].[UserInvitation] ([InvitedBy]);
CREATE INDEX [IX_UserInvitation_UserInvitationStatusID] ON [dbo].[UserInvitation] ([UserInvitationStatusID]);
CREATE UNIQUE INDEX [UQ_UserInvitation_TokenHash] ON [dbo].[UserInvitation] ([TokenHash]) WHERE [TokenHash] IS NOT NULL;
GO

CREATE TABLE [dbo].[UserEmailVerificationToken] ([UserEmailVerificationTokenID] bigint identity(1,1) not null, [UserID] bigint not null, [TokenHash] nvarchar(128) not null, [ExpiresDate] datetime2 not null, [UsedDate] datetime2 null, [RevokedDate] datetime2 null, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserEmailVerificationToken_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserEmailVerificationToken_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserEmailVerificationToken_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserEmailVerificationToken] PRIMARY KEY ([UserEmailVerificationTokenID]), constraint [CK_UserEmailVerificationToken_ExpiresDate] check ([ExpiresDate] > [CreatedDate]));
CREATE INDEX [IX_UserEmailVerificationToken_UserID] ON [dbo].[UserEmailVerificationToken] ([UserID]);
CREATE UNIQUE INDEX [UQ_UserEmailVerificationToken_TokenHash] ON [dbo].[UserEmailVerificationToken] ([TokenHash]) WHERE [TokenHash] IS NOT NULL;
GO

CREATE TABLE [dbo].[UserCompany] ([UserCompanyID] bigint identity(1,1) not null, [UserID] bigint not null, [CompanyID] bigint not null, [UserCompanyRoleID] int not null, [UserCompanyStatusID] int not null, [IsDefaultCompany] bit not null CONSTRAINT [DF_UserCompany_IsDefaultCompany] DEFAULT 0, [JoinedVia] int not null, [InvitedBy] bigint null, [CreatedDate] datetime2 not null CONSTRAINT [DF_UserCompany_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_UserCompany_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_UserCompany_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_UserCompany] PRIMARY KEY ([UserCompanyID]));
CREATE INDEX [IX_UserCompany_UserID] ON [dbo].[UserCompany] ([UserID]);
CREATE INDEX [IX_UserCompany_CompanyID] ON [dbo].[UserCompany] ([CompanyID]);
CREATE INDEX [IX_UserCompany_UserCompanyRoleID] ON [dbo].[UserCompany] ([UserCompanyRoleID]);
CREATE INDEX [IX_UserCompany_UserCompanyStatusID] ON [dbo].[UserCompany] ([UserCompanyStatusID]);
CREATE INDEX [IX_UserCompany_JoinedVia] ON [dbo].[UserCompany] ([JoinedVia]);
CREATE INDEX [IX_UserCompany_InvitedBy] ON [dbo].[UserCompany] ([InvitedBy]);
CREATE UNIQUE INDEX [UQ_UserCompany_UserID_CompanyID] ON [dbo].[UserCompany] ([UserID], [CompanyID]) WHERE [UserID] IS NOT NULL AND [CompanyID] IS NOT NULL;
GO

CREATE TABLE [config].[ValidationRule] ([ValidationRuleID] bigint identity(1,1) not null, [RuleTypeID] int not null, [RuleName] nvarchar(100) not null, [RuleValue] nvarchar(1000) not null, [ErrorMessage] nvarchar(500) not null, [Description] nvarchar(500) null, [CountryID] int null, [SortOrder] int not null CONSTRAINT [DF_ValidationRule_SortOrder] DEFAULT 0, [IsActive] bit not null CONSTRAINT [DF_ValidationRule_IsActive] DEFAULT 1, [CreatedDate] datetime2 not null CONSTRAINT [DF_ValidationRule_CreatedDate] DEFAULT GETUTCDATE(), [CreatedBy] bigint null, [UpdatedDate] datetime2 not null CONSTRAINT [DF_ValidationRule_UpdatedDate] DEFAULT GETUTCDATE(), [UpdatedBy] bigint null, [IsDeleted] bit not null CONSTRAINT [DF_ValidationRule_IsDeleted] DEFAULT 0, [DeletedDate] datetime2 null, [DeletedBy] bigint null, CONSTRAINT [PK_ValidationRule] PRIMARY KEY ([ValidationRuleID]), constraint [CK_ValidationRule_SortOrder] check ([SortOrder] >= 0));
CREATE INDEX [IX_ValidationRule_RuleTypeID] ON [config].[ValidationRule] ([RuleTypeID]);
CREATE INDEX [IX_ValidationRule_RuleName] ON [config].[ValidationRule] ([RuleName]);
CREATE INDEX [IX_ValidationRule_CountryID] ON [config].[ValidationRule] ([CountryID]);
GO

alter table [dbo].[CompanyBillingDetails] add constraint [FK_CompanyBillingDetails_Company] foreign key ([CompanyID]) references [dbo].[Company] ([CompanyID]) on update no action on delete no action;
alter table [dbo].[CompanyBillingDetails] add constraint [FK_CompanyBillingDetails_Country] foreign key ([CountryID]) references [ref].[Country] ([CountryID]) on update no action on delete no action;
GO

alter table [dbo].[CompanyCustomerDetails] add constraint [FK_CompanyCustomerDetails_Company] foreign key ([CompanyID]) references [dbo].[Company] ([CompanyID]) on update no action on delete no action;
alter table [dbo].[CompanyCustomerDetails] add constraint [FK_CompanyCustomerDetails_CustomerTier] foreign key ([CustomerTierID]) references [ref].[CustomerTier] ([CustomerTierID]) on update no action on delete no action;
alter table [dbo].[CompanyCustomerDetails] add constraint [FK_CompanyCustomerDetails_Industry] foreign key ([IndustryID]) references [ref].[Industry] ([IndustryID]) on update no action on delete no action;
GO

alter table [config].[AppSetting] add constraint [FK_AppSetting_SettingCategory] foreign key ([SettingCategoryID]) references [ref].[SettingCategory] ([SettingCategoryID]) on update no action on delete no action;
alter table [config].[AppSetting] add constraint [FK_AppSetting_SettingType] foreign key ([SettingTypeID]) references [ref].[SettingType] ([SettingTypeID]) on update no action on delete no action;
GO

alter table [dbo].[CompanyOrganizerDetails] add constraint [FK_CompanyOrganizerDetails_Company] foreign key ([CompanyID]) references [dbo].[Company] ([CompanyID]) on update no action on delete no action;
alter table [dbo].[CompanyOrganizerDetails] add constraint [FK_CompanyOrganizerDetails_Timezone] foreign key ([TimezoneID]) references [ref].[Timezone] ([TimezoneID]) on update no action on delete no action;
alter table [dbo].[CompanyOrganizerDetails] add constraint [FK_CompanyOrganizerDetails_Language] foreign key ([LanguageID]) references [ref].[Language] ([LanguageID]) on update no action on delete no action;
GO

alter table [dbo].[User] add constraint [FK_User_UserStatus] foreign key ([StatusID]) references [ref].[UserStatus] ([UserStatusID]) on update no action on delete no action;
GO

alter table [dbo].[UserRefreshToken] add constraint [FK_UserRefreshToken_User] foreign key ([UserID]) references [dbo].[User] ([UserID]) on update no action on delete no action;
GO

alter table [dbo].[UserPasswordResetToken] add constraint [FK_UserPasswordResetToken_User] foreign key ([UserID]) references [dbo].[User] ([UserID]) on update no action on delete no action;
GO

alter table [dbo].[UserInvitation] add constraint [FK_UserInvitation_Company] foreign key ([CompanyID]) references [dbo].[Company] ([CompanyID]) on update no action on delete no action;
alter table [dbo].[UserInvitation] add constraint [FK_UserInvitation_UserCompanyRole] foreign key ([UserCompanyRoleID]) references [ref].[UserCompanyRole] ([UserCompanyRoleID]) on update no action on delete no action;
alter table [dbo].[UserInvitation] add constraint [FK_UserInvitation_User] foreign key ([InvitedBy]) references [dbo].[User] ([UserID]) on update no action on delete no action;
alter table [dbo].[UserInvitation] add constraint [FK_UserInvitation_UserInvitationStatus] foreign key ([UserInvitationStatusID]) references [ref].[UserInvitationStatus] ([UserInvitationStatusID]) on update no action on delete no action;
GO

alter table [dbo].[UserEmailVerificationToken] add constraint [FK_UserEmailVerificationToken_User] foreign key ([UserID]) references [dbo].[User] ([UserID]) on update no action on delete no action;
GO

alter table [dbo].[UserCompany] add constraint [FK_UserCompany_UserID] foreign key ([UserID]) references [dbo].[User] ([UserID]) on update no action on delete no action;
alter table [dbo].[UserCompany] add constraint [FK_UserCompany_Company] foreign key ([CompanyID]) references [dbo].[Company] ([CompanyID]) on update no action on delete no action;
alter table [dbo].[UserCompany] add constraint [FK_UserCompany_UserCompanyRole] foreign key ([UserCompanyRoleID]) references [ref].[UserCompanyRole] ([UserCompanyRoleID]) on update no action on delete no action;
alter table [dbo].[UserCompany] add constraint [FK_UserCompany_UserCompanyStatus] foreign key ([UserCompanyStatusID]) references [ref].[UserCompanyStatus] ([UserCompanyStatusID]) on update no action on delete no action;
alter table [dbo].[UserCompany] add constraint [FK_UserCompany_JoinedVia] foreign key ([JoinedVia]) references [ref].[JoinedVia] ([JoinedViaID]) on update no action on delete no action;
alter table [dbo].[UserCompany] add constraint [FK_UserCompany_InvitedBy] foreign key ([InvitedBy]) references [dbo].[User] ([UserID]) on update no action on delete no action;
GO

alter table [config].[ValidationRule] add constraint [FK_ValidationRule_RuleType] foreign key ([RuleTypeID]) references [ref].[RuleType] ([RuleTypeID]) on update no action on delete no action;
alter table [config].[ValidationRule] add constraint [FK_ValidationRule_Country] foreign key ([CountryID]) references [ref].[Country] ([CountryID]) on update no action on delete no action;
GO
