import { msg, str } from '@lit/localize';

/** "Referrals are credited for 30 days after a click" */
export function attributionWindowText(days: number): string {
  return days === 1
    ? msg('Referrals are credited for 1 day after a click')
    : msg(str`Referrals are credited for ${days} days after a click`);
}

/** "Commissions are confirmed after 30 days" */
export function holdPeriodText(days: number): string {
  if (days === 0) return msg('Commissions are confirmed right away');
  return days === 1
    ? msg('Commissions are confirmed after 1 day')
    : msg(str`Commissions are confirmed after ${days} days`);
}
