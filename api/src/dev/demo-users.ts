// The demo tenant and its people for development mode (AUTH_MODE=dev): fixed ids so links and scripts stay valid.

export const DEMO_TENANT_ID = 'c0ffee00-0000-4000-8000-000000000001';

export interface DemoUser {
  id: string;
  aadObjectId: string;
  displayName: string;
  email: string;
  timeZone: string;
  isAdmin: boolean;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: '665f00000000000000000001',
    aadObjectId: 'demo-adele',
    displayName: 'Adele Vance',
    email: 'adele.vance@contoso.test',
    timeZone: 'Europe/Berlin',
    isAdmin: true,
  },
  {
    id: '665f00000000000000000002',
    aadObjectId: 'demo-megan',
    displayName: 'Megan Bowen',
    email: 'megan.bowen@contoso.test',
    timeZone: 'Europe/Berlin',
    isAdmin: false,
  },
  {
    id: '665f00000000000000000003',
    aadObjectId: 'demo-alex',
    displayName: 'Alex Wilber',
    email: 'alex.wilber@contoso.test',
    timeZone: 'America/New_York',
    isAdmin: false,
  },
  {
    id: '665f00000000000000000004',
    aadObjectId: 'demo-lynne',
    displayName: 'Lynne Robbins',
    email: 'lynne.robbins@contoso.test',
    timeZone: 'Europe/London',
    isAdmin: false,
  },
  {
    id: '665f00000000000000000005',
    aadObjectId: 'demo-diego',
    displayName: 'Diego Siciliani',
    email: 'diego.siciliani@contoso.test',
    timeZone: 'America/Los_Angeles',
    isAdmin: false,
  },
];
