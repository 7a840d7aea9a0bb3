/** Paths of the API, relative to the API base (which ends in `/api`). */
export const routes = {
  health: '/health',
  centerPublic: '/center',
  signIn: '/auth/sign-in',
  signOut: '/auth/sign-out',
  session: '/auth/session',
  partnerCenter: '/partner/center',
  profile: '/partner/profile',
  programs: '/partner/programs',
  commissionStructure: '/partner/commission-structure',
  adminSettings: '/admin/settings',
} as const;
export type RouteName = keyof typeof routes;
