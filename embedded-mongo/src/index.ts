export const hi: string = 'ok';
